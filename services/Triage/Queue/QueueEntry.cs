using Mash.Contracts.Common.V1;

namespace Mash.Triage.Queue;

/// <summary>A contact in the screening queue: what Intake announced, its current RAG (Unspecified until rated) and the decision, once made.</summary>
internal sealed record QueueEntry(
    string ContactId,
    string AgencyId,
    string ContactType,
    IReadOnlyList<string> PresentingIssues,
    DateTimeOffset ReceivedAt,
    Rag Rag,
    ThresholdDecision? Decision)
{
    public bool IsRated => Rag != Rag.Unspecified;

    public bool IsDecided => Decision is not null;
}
