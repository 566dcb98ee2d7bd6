namespace Mash.Triage.Queue;

/// <summary>Whether a threshold decision may be recorded for a contact now.</summary>
internal static class DecisionRules
{
    public static DecisionStep Check(QueueEntry? entry, bool thresholdMet, string practitionerId) => entry switch
    {
        null => DecisionStep.UnknownContact,
        { Decision: { } made } when made.ThresholdMet == thresholdMet && made.PractitionerId == practitionerId => DecisionStep.SameDecision,
        { IsDecided: true } => DecisionStep.AlreadyDecided,
        { IsRated: false } => DecisionStep.NotRated,
        { Claim: { } claim } when claim.ClaimedBy != practitionerId => DecisionStep.ClaimedByAnother,
        _ => DecisionStep.Record,
    };
}
