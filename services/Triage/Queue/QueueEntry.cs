using Mash.Contracts.Common.V1;

namespace Mash.Triage.Queue;

/// <summary>
/// A contact in the screening queue: what Intake announced, its current RAG (Unspecified until
/// rated) and when that rating was made, when its decision is due, who has claimed it, and the
/// decision, once made.
/// </summary>
internal sealed record QueueEntry(
    string ContactId,
    string AgencyId,
    string ContactType,
    IReadOnlyList<string> PresentingIssues,
    DateTimeOffset ReceivedAt,
    Rag Rag,
    ThresholdDecision? Decision,
    Pathway Pathway = Pathway.Unspecified,
    DateTimeOffset? DueAt = null,
    Claim? Claim = null,
    DateTimeOffset? RatedAt = null)
{
    public bool IsRated => Rag != Rag.Unspecified;

    public bool IsDecided => Decision is not null;
}

/// <summary>A practitioner has taken the contact to screen.</summary>
internal sealed record Claim(string ClaimedBy, DateTimeOffset ClaimedAt);
