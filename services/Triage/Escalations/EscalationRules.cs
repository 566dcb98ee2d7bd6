using Mash.Contracts.Triage.V1;
using Mash.Triage.Actors;
using Mash.Triage.Queue;
using Mash.Triage.Timing;

namespace Mash.Triage.Escalations;

/// <summary>Whether an escalation may be raised or resolved now; each returns why not, or null.</summary>
internal static class EscalationRules
{
    /// <summary>An agency calling with its own credentials raises escalations as itself only.</summary>
    public static string? AnAgencyRaisesAsItself(Actor actor, string raisedByAgency) =>
        actor.AgencyId is { } own && own != raisedByAgency ? $"The credentials are {own}'s; an agency raises escalations as itself." : null;

    /// <summary>A referrer challenges a decision: there must be one.</summary>
    public static string? ChallengeFollowsADecision(QueueEntry entry, EscalationKind kind) =>
        kind == EscalationKind.ReferrerChallenge && !entry.IsDecided
            ? $"Contact {entry.ContactId} is not decided yet; a referrer challenges a decision once it is made." : null;

    /// <summary>The referrer is the agency that sent the contact.</summary>
    public static string? ChallengedByTheReferrer(QueueEntry entry, EscalationKind kind, string raisedByAgency) =>
        kind == EscalationKind.ReferrerChallenge && raisedByAgency != entry.AgencyId
            ? $"must be the referring agency ({entry.AgencyId}) for a referrer's challenge" : null;

    /// <summary>Imported: raised after the contact was received (and a challenge after the decision).</summary>
    public static string? RaisedInTime(Moment moment, QueueEntry entry, EscalationKind kind) =>
        TimeRules.NotBefore(moment, entry.ReceivedAt, "the contact was received")
        ?? (kind == EscalationKind.ReferrerChallenge && entry.Decision is { } decision ? TimeRules.NotBefore(moment, decision.DecidedAt, "the decision") : null);

    /// <summary>A resolution is recorded once; the same one again (a retried call) is the one recorded.</summary>
    public static ResolveStep CheckResolve(Escalation escalation, string resolution) => escalation.Resolution switch
    {
        null => ResolveStep.Record,
        { } made when made.Resolution == resolution => ResolveStep.SameResolution,
        _ => ResolveStep.AlreadyResolved,
    };

    public static string? ResolvedAfterRaised(Moment moment, Escalation escalation) =>
        TimeRules.NotBefore(moment, escalation.RaisedAt, "the escalation was raised");
}

internal enum ResolveStep
{
    Record,
    SameResolution,
    AlreadyResolved,
}
