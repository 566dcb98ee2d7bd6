using Mash.Contracts.Common.V1;
using Mash.Contracts.Triage.V1;
using Mash.Triage.Actors;
using Mash.Triage.Escalations;
using Mash.Triage.Queue;
using Mash.Triage.Tests.Queue;
using Mash.Triage.Timing;
using Escalation = Mash.Triage.Escalations.Escalation;

namespace Mash.Triage.Tests.Escalations;

public class EscalationRulesTests
{
    private static readonly DateTimeOffset At = new(2025, 6, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly QueueEntry Decided = RatingRulesTests.Entry(Rag.Green, new ThresholdDecision(false, "sw-1", "advice", At.AddHours(2)));

    private static Escalation Raised(EscalationResolution? resolution = null) =>
        new(Guid.NewGuid(), "c-1", EscalationKind.BetweenAgencies, "health-north", "nurse-1", "rag", "we think Amber", At, resolution);

    [Fact]
    public void An_agency_raises_as_itself() => Assert.Null(EscalationRules.AnAgencyRaisesAsItself(new Actor("health-north", AgencyId: "health-north"), "health-north"));

    [Fact]
    public void An_agency_does_not_raise_as_another() => Assert.NotNull(EscalationRules.AnAgencyRaisesAsItself(new Actor("health-north", AgencyId: "health-north"), "police-west"));

    [Fact]
    public void A_practitioner_records_any_agencys_escalation() => Assert.Null(EscalationRules.AnAgencyRaisesAsItself(new Actor("sw-1"), "police-west"));

    [Fact]
    public void A_referrer_challenges_a_decision_once_made() =>
        Assert.Null(EscalationRules.ChallengeFollowsADecision(Decided, EscalationKind.ReferrerChallenge));

    [Fact]
    public void A_referrer_cannot_challenge_before_the_decision() =>
        Assert.NotNull(EscalationRules.ChallengeFollowsADecision(RatingRulesTests.Entry(Rag.Red), EscalationKind.ReferrerChallenge));

    [Fact]
    public void Agencies_may_disagree_while_screening() =>
        Assert.Null(EscalationRules.ChallengeFollowsADecision(RatingRulesTests.Entry(Rag.Red), EscalationKind.BetweenAgencies));

    [Fact]
    public void The_referrer_is_the_referring_agency() =>
        Assert.NotNull(EscalationRules.ChallengedByTheReferrer(Decided, EscalationKind.ReferrerChallenge, "health-north"));

    [Fact]
    public void The_referring_agency_challenges() =>
        Assert.Null(EscalationRules.ChallengedByTheReferrer(Decided, EscalationKind.ReferrerChallenge, "police-west"));

    [Fact]
    public void An_imported_challenge_comes_after_the_decision() =>
        Assert.NotNull(EscalationRules.RaisedInTime(new Moment(At.AddHours(1), Given: true), Decided, EscalationKind.ReferrerChallenge));

    [Fact]
    public void An_open_escalation_is_resolved() => Assert.Equal(ResolveStep.Record, EscalationRules.CheckResolve(Raised(), "upheld"));

    [Fact]
    public void The_same_resolution_again_is_a_retry() =>
        Assert.Equal(ResolveStep.SameResolution, EscalationRules.CheckResolve(Raised(new EscalationResolution("upheld", "mgr-1", "", At.AddHours(1))), "upheld"));

    [Fact]
    public void A_resolved_escalation_is_not_resolved_otherwise() =>
        Assert.Equal(ResolveStep.AlreadyResolved, EscalationRules.CheckResolve(Raised(new EscalationResolution("upheld", "mgr-1", "", At.AddHours(1))), "withdrawn"));

    [Fact]
    public void An_imported_resolution_comes_after_the_escalation() =>
        Assert.NotNull(EscalationRules.ResolvedAfterRaised(new Moment(At.AddMinutes(-5), Given: true), Raised()));
}
