namespace Mash.Quality.Audits;

/// <summary>Settings under <c>Quality:Audits</c>: the audit group's process and the assurance rules' actions that raise audits and watches.</summary>
internal sealed class AuditOptions
{
    public const string SectionName = "Quality:Audits";

    /// <summary>The group challenges a proposal before deciding on it (004 §2.6: "receive, scrutinise and approve"); false lets it decide at once.</summary>
    public bool ChallengeBeforeApproval { get; set; } = true;

    /// <summary>The action rules' action that raises an audit proposal (the shipped rule "audit").</summary>
    public string AuditAction { get; set; } = "perform-audit";

    /// <summary>The action rules' action that puts an indicator on the watch list (the shipped rule "watch").</summary>
    public string WatchAction { get; set; } = "watch-next-quarter";
}
