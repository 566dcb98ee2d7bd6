namespace Mash.Outcomes.Correcting;

/// <summary>What became of a request to correct an outcome.</summary>
internal abstract record CorrectOutcomeResult
{
    private CorrectOutcomeResult() { }

    /// <summary>Corrected now (or by this same request earlier): the outcome in force and its revision.</summary>
    public sealed record Corrected(string CaseRef, int Revision) : CorrectOutcomeResult;

    /// <summary>No outcome is recorded for this contact: there is nothing to correct.</summary>
    public sealed record NoOutcome : CorrectOutcomeResult;

    /// <summary>The correction would change nothing; nothing changed.</summary>
    public sealed record Refused(string Reason) : CorrectOutcomeResult;

    /// <summary>The given time cannot be right; nothing changed.</summary>
    public sealed record BadTime(string Reason) : CorrectOutcomeResult;
}
