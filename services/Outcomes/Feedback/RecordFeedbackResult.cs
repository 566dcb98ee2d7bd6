namespace Mash.Outcomes.Feedback;

/// <summary>What became of a request to record feedback given.</summary>
internal abstract record RecordFeedbackResult
{
    private RecordFeedbackResult() { }

    /// <summary>The agency is on record as told at <paramref name="ToldAt"/> (now, or by an earlier request); <paramref name="NotYetTold"/> are still owed.</summary>
    public sealed record Told(string CaseRef, DateTimeOffset ToldAt, IReadOnlyList<string> NotYetTold) : RecordFeedbackResult;

    /// <summary>The contact has no outcome to tell.</summary>
    public sealed record NoOutcome : RecordFeedbackResult;

    /// <summary>The agency is not owed this outcome; nothing changed.</summary>
    public sealed record NotOwed(string Reason) : RecordFeedbackResult;

    /// <summary>The given time cannot be right; nothing changed.</summary>
    public sealed record BadTime(string Reason) : RecordFeedbackResult;
}
