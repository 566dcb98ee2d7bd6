using Mash.Contracts.Common.V1;

namespace Mash.Quality.Facts;

/// <summary>D3: one of a contact's presenting issues.</summary>
internal sealed record PresentingIssueFact(string ContactId, string Issue)
{
    /// <summary>How many alike this stands for: one, or a rollup's count of whole days' contacts' issues (no contact).</summary>
    public long Count { get; init; } = 1;
}

/// <summary>D2, O5: a contact's threshold decision (met: a referral).</summary>
internal sealed record DecisionFact(string ContactId, string AgencyId, bool ThresholdMet, DateTime OccurredAt)
{
    /// <summary>How many alike this stands for: one, or a rollup's count of whole days' contacts' decisions (no contact, no moment).</summary>
    public long Count { get; init; } = 1;
}

/// <summary>R2: one re-rating, from one RAG to another.</summary>
internal sealed record RatingChangeFact(string EventId, string ContactId, Rag From, Rag To, DateTime OccurredAt)
{
    /// <summary>How many alike this stands for: one, or a rollup's count of whole days' re-ratings (no event, no moment).</summary>
    public long Count { get; init; } = 1;
}

/// <summary>R4: an escalation raised by an agency (a disagreement inside the MASH, or a referrer's challenge).</summary>
internal sealed record EscalationFact(string EscalationId, string ContactId, string Kind, string RaisedByAgency, DateTime OccurredAt)
{
    /// <summary>How many alike this stands for: one, or a rollup's count of whole days' escalations (no escalation, no moment).</summary>
    public long Count { get; init; } = 1;
}

/// <summary>R4: an escalation resolved, and how.</summary>
internal sealed record EscalationResolutionFact(string EscalationId, string RaisedByAgency, string Resolution, DateTime OccurredAt)
{
    /// <summary>How many alike this stands for: one, or a rollup's count of whole days' resolutions (no escalation, no moment).</summary>
    public long Count { get; init; } = 1;
}

/// <summary>R5: a request for information sent to a partner agency.</summary>
internal sealed record InformationRequestFact(string RequestId, string ContactId, string AgencyId, DateTime OccurredAt)
{
    /// <summary>How many alike this stands for: one, or a rollup's count of whole days' requests (no request, no moment).</summary>
    public long Count { get; init; } = 1;
}

/// <summary>T2: a partner agency's answer to a request, with when it was asked.</summary>
internal sealed record InformationResponseFact(string RequestId, string AgencyId, DateTime RequestedAt, string ResponseBand, DateTime OccurredAt)
{
    /// <summary>How many alike this stands for: one, or a rollup's count of whole days' answers (no request; its moments stand only for whether it came within the first band).</summary>
    public long Count { get; init; } = 1;
}

/// <summary>T4: a contact's deadline passed undecided (a breach), or about to (approaching).</summary>
internal sealed record DeadlineAlertFact(string ContactId, DateTime DueAt, Rag Rag, string AgencyId, DateTime OccurredAt)
{
    /// <summary>How many alike this stands for: one, or a rollup's count of whole days' alerts (no contact, no moment).</summary>
    public long Count { get; init; } = 1;
}

/// <summary>
/// The period's facts beyond the first five measures. Decisions are those of the
/// period's contacts (received in it), as known at its end; the rest happened in the period.
/// </summary>
internal sealed record ActivityFacts(
    IReadOnlyList<DecisionFact> Decisions,
    IReadOnlyList<RatingChangeFact> RatingChanges,
    IReadOnlyList<EscalationFact> Escalations,
    IReadOnlyList<InformationRequestFact> InformationRequests,
    IReadOnlyList<InformationResponseFact> InformationResponses,
    IReadOnlyList<DeadlineAlertFact> Breaches)
{
    public static readonly ActivityFacts None = new([], [], [], [], [], []);

    /// <summary>R4: escalations resolved in the period.</summary>
    public IReadOnlyList<EscalationResolutionFact> Resolutions { get; init; } = [];

    /// <summary>D3: the presenting issues of the period's contacts.</summary>
    public IReadOnlyList<PresentingIssueFact> PresentingIssues { get; init; } = [];

    /// <summary>T4: deadlines about to be missed, announced in the period.</summary>
    public IReadOnlyList<DeadlineAlertFact> Approaches { get; init; } = [];
}
