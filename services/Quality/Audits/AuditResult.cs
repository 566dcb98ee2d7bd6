namespace Mash.Quality.Audits;

/// <summary>What became of a step of an audit.</summary>
internal abstract record AuditResult
{
    private AuditResult() { }

    /// <summary>Done now, or by this same request earlier: the audit as it stands.</summary>
    public sealed record Done(Audit Audit) : AuditResult;

    /// <summary>No such audit (or action).</summary>
    public sealed record NotFound(string What) : AuditResult;

    /// <summary>A lifecycle rule refused it; nothing changed.</summary>
    public sealed record Refused(string Reason) : AuditResult;
}
