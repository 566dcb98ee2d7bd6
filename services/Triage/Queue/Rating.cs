using Mash.Contracts.Common.V1;

namespace Mash.Triage.Queue;

/// <summary>One rating or re-rating, as kept in the history: from which RAG (Unspecified for the first), to which, who, why and when.</summary>
internal sealed record Rating(string ContactId, Rag Rag, Rag PreviousRag, string PractitionerId, string Reason, DateTimeOffset RatedAt);
