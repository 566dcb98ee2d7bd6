namespace Mash.Triage.Queue;

/// <summary>Whether a practitioner may claim, or release, a contact now.</summary>
internal static class ClaimRules
{
    public static ClaimStep CheckClaim(QueueEntry? entry, string practitionerId) => entry switch
    {
        null => ClaimStep.UnknownContact,
        { IsDecided: true } => ClaimStep.AlreadyDecided,
        { Claim: { } claim } when claim.ClaimedBy == practitionerId => ClaimStep.Unchanged,
        { Claim: not null } => ClaimStep.ClaimedByAnother,
        _ => ClaimStep.Change,
    };

    /// <summary>The claimant releases; so may a manager, for a colleague who has gone (the contact must not wait).</summary>
    public static ClaimStep CheckRelease(QueueEntry? entry, string practitionerId, bool isManager = false) => entry switch
    {
        null => ClaimStep.UnknownContact,
        { Claim: null } => ClaimStep.Unchanged,
        { Claim: { } claim } when claim.ClaimedBy != practitionerId && !isManager => ClaimStep.ClaimedByAnother,
        _ => ClaimStep.Change,
    };
}

/// <summary>What claiming or releasing does to a contact.</summary>
internal enum ClaimStep
{
    UnknownContact,
    /// <summary>A decided contact has left the queue: there is nothing to screen.</summary>
    AlreadyDecided,
    /// <summary>Someone else is screening it: two practitioners never work one contact unknowingly.</summary>
    ClaimedByAnother,
    /// <summary>Already as asked (a retried call): nothing changes.</summary>
    Unchanged,
    Change,
}
