namespace Mash.Triage.Queue;

/// <summary>Whether the contact meets the threshold for a safeguarding response (becomes a referral), who decided, why and when.</summary>
internal sealed record ThresholdDecision(bool ThresholdMet, string PractitionerId, string Rationale, DateTimeOffset DecidedAt);
