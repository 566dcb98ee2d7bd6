namespace Mash.Outcomes.Recording;

/// <summary>What became of a request to record an outcome.</summary>
internal abstract record RecordOutcomeResult
{
    private RecordOutcomeResult() { }

    /// <summary>Recorded now, or earlier with the same outcome.</summary>
    public sealed record Recorded(string CaseRef) : RecordOutcomeResult;

    /// <summary>No event about this contact has reached Outcomes.</summary>
    public sealed record UnknownContact : RecordOutcomeResult;

    /// <summary>The contact is not in a state to take this outcome; nothing changed.</summary>
    public sealed record Refused(string Reason) : RecordOutcomeResult;
}
