using Mash.Contracts.Common.V1;

namespace Mash.Outcomes.Journeys;

/// <summary>ContactReceived, as a journey keeps it: who referred the contact, and whether it repeats earlier contacts or referrals.</summary>
internal sealed record JourneyReceipt(string ContactId, string AgencyId, string ReferralSource, bool IsRepeat, bool IsRepeatReferral, DateTime? ReceivedAt = null);

/// <summary>ContactRated: a RAG, and when it was given.</summary>
internal sealed record JourneyRating(string ContactId, Rag Rag, DateTime OccurredAt);

/// <summary>DecisionRecorded: whether the contact met the threshold, and when that was decided.</summary>
internal sealed record JourneyDecision(string ContactId, bool ThresholdMet, DateTime OccurredAt);
