using Mash.Contracts.Common.V1;

namespace Mash.Triage.Queue;

/// <summary>
/// Whether the contact meets the threshold for a safeguarding response (becomes a referral), who
/// decided, why and when, and the RAG in force when it was decided.
/// </summary>
internal sealed record ThresholdDecision(bool ThresholdMet, string PractitionerId, string Rationale, DateTimeOffset DecidedAt, Rag Rag = Rag.Unspecified);
