using Mash.Quality.Audits;

namespace Mash.Quality.Tests.Audits;

/// <summary>The audit group's process (004 §2.6, Appendix 4), one rule at a time.</summary>
public sealed class AuditLifecycleTests
{
    [Theory]
    [InlineData("proposed")]
    [InlineData("challenged")]
    public void An_undecided_proposal_is_challenged_as_often_as_the_group_needs(string stage) =>
        Assert.Null(AuditLifecycle.ChallengeNeedsAnUndecidedProposal(AuditWords.Stages[stage]));

    [Theory]
    [InlineData("approved")]
    [InlineData("rejected")]
    [InlineData("reported")]
    public void A_decided_audit_is_not_challenged_as_a_proposal(string stage) =>
        Assert.NotNull(AuditLifecycle.ChallengeNeedsAnUndecidedProposal(AuditWords.Stages[stage]));

    [Fact]
    public void An_unchallenged_proposal_is_not_decided_when_the_process_says_challenge_first() =>
        Assert.Contains("has not challenged", AuditLifecycle.DecisionNeedsAChallenge(AuditStage.Proposed, challengeBeforeApproval: true));

    [Fact]
    public void An_unchallenged_proposal_is_decided_when_the_process_allows_it() =>
        Assert.Null(AuditLifecycle.DecisionNeedsAChallenge(AuditStage.Proposed, challengeBeforeApproval: false));

    [Fact]
    public void A_challenged_proposal_is_decided() => Assert.Null(AuditLifecycle.DecisionNeedsAChallenge(AuditStage.Challenged, challengeBeforeApproval: true));

    [Theory]
    [InlineData("approved")]
    [InlineData("rejected")]
    public void A_proposal_is_decided_once(string stage) =>
        Assert.Contains("decided already", AuditLifecycle.DecisionNeedsAChallenge(AuditWords.Stages[stage], challengeBeforeApproval: false));

    [Theory]
    [InlineData("proposed")]
    [InlineData("challenged")]
    [InlineData("rejected")]
    [InlineData("reported")]
    public void Only_an_approved_audit_is_reported(string stage) => Assert.NotNull(AuditLifecycle.ReportNeedsApproval(AuditWords.Stages[stage]));

    [Fact]
    public void An_approved_audit_is_reported() => Assert.Null(AuditLifecycle.ReportNeedsApproval(AuditStage.Approved));

    [Theory]
    [InlineData("proposed")]
    [InlineData("challenged")]
    [InlineData("approved")]
    [InlineData("rejected")]
    public void No_action_is_planned_before_the_report(string stage) =>
        Assert.Contains("once it is reported", AuditLifecycle.ActionsNeedAReport(AuditWords.Stages[stage]));

    [Fact]
    public void A_reported_audit_plans_its_actions() => Assert.Null(AuditLifecycle.ActionsNeedAReport(AuditStage.Reported));

    [Fact]
    public void Moving_to_a_stage_takes_that_stages_rule()
    {
        Assert.Equal(AuditLifecycle.ReportNeedsApproval(AuditStage.Challenged), AuditLifecycle.CanMove(AuditStage.Challenged, AuditStage.Reported, true));
        Assert.Equal(AuditLifecycle.DecisionNeedsAChallenge(AuditStage.Proposed, true), AuditLifecycle.CanMove(AuditStage.Proposed, AuditStage.Rejected, true));
        Assert.NotNull(AuditLifecycle.CanMove(AuditStage.Proposed, AuditStage.Proposed, true));
    }

    // Due 30 September 2025.
    private static AuditAction Due(DateOnly? completedOn = null) =>
        new(1, "Re-referrals within 12 months go to an EI panel.", "Bernadette Johansen", new DateOnly(2025, 9, 30), ActionRag.Amber, "", completedOn);

    [Fact]
    public void An_open_action_is_overdue_the_day_after_its_target_date() => Assert.True(AuditLifecycle.IsOverdue(Due(), new DateOnly(2025, 10, 1)));

    [Fact]
    public void An_open_action_is_not_overdue_on_its_target_date() => Assert.False(AuditLifecycle.IsOverdue(Due(), new DateOnly(2025, 9, 30)));

    [Fact]
    public void A_completed_action_is_never_overdue() => Assert.False(AuditLifecycle.IsOverdue(Due(new DateOnly(2025, 10, 20)), new DateOnly(2025, 12, 1)));
}
