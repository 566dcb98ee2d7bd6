using Mash.Contracts.Common.V1;

namespace Mash.Triage.Queue;

/// <summary>
/// One rating or re-rating, as kept in the history: from which RAG (Unspecified for the first), to
/// which, who, why, when it was made and when Triage recorded it (the same, but for an import).
/// </summary>
internal sealed record Rating(string ContactId, Rag Rag, Rag PreviousRag, string PractitionerId, string Reason, DateTimeOffset RatedAt, DateTimeOffset RecordedAt)
{
    /// <summary>A change of a RAG already given (R2 counts these), not the first rating.</summary>
    public bool IsRerating => PreviousRag != Rag.Unspecified;
}
