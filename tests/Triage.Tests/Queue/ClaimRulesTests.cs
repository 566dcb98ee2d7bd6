using Mash.Contracts.Common.V1;
using Mash.Triage.Queue;

namespace Mash.Triage.Tests.Queue;

public class ClaimRulesTests
{
    private static readonly DateTimeOffset At = new(2025, 6, 2, 9, 0, 0, TimeSpan.Zero);

    private static QueueEntry ClaimedBy(string practitioner) => RatingRulesTests.Entry() with { Claim = new Claim(practitioner, At) };

    [Fact]
    public void An_unknown_contact_cannot_be_claimed() => Assert.Equal(ClaimStep.UnknownContact, ClaimRules.CheckClaim(null, "sw-1"));

    [Fact]
    public void An_unclaimed_contact_is_claimed() => Assert.Equal(ClaimStep.Change, ClaimRules.CheckClaim(RatingRulesTests.Entry(), "sw-1"));

    [Fact]
    public void Claiming_ones_own_claim_again_changes_nothing() => Assert.Equal(ClaimStep.Unchanged, ClaimRules.CheckClaim(ClaimedBy("sw-1"), "sw-1"));

    [Fact]
    public void A_contact_claimed_by_another_is_not_claimed() => Assert.Equal(ClaimStep.ClaimedByAnother, ClaimRules.CheckClaim(ClaimedBy("sw-2"), "sw-1"));

    [Fact]
    public void A_decided_contact_is_not_claimed() =>
        Assert.Equal(ClaimStep.AlreadyDecided, ClaimRules.CheckClaim(RatingRulesTests.Entry(Rag.Red, new ThresholdDecision(true, "sw-1", "harm", At)), "sw-1"));

    [Fact]
    public void The_claimant_releases() => Assert.Equal(ClaimStep.Change, ClaimRules.CheckRelease(ClaimedBy("sw-1"), "sw-1"));

    [Fact]
    public void Another_practitioner_does_not_release_a_claim() => Assert.Equal(ClaimStep.ClaimedByAnother, ClaimRules.CheckRelease(ClaimedBy("sw-2"), "sw-1"));

    [Fact]
    public void A_manager_releases_a_colleagues_claim() => Assert.Equal(ClaimStep.Change, ClaimRules.CheckRelease(ClaimedBy("sw-2"), "mgr-1", isManager: true));

    [Fact]
    public void Releasing_an_unclaimed_contact_changes_nothing() => Assert.Equal(ClaimStep.Unchanged, ClaimRules.CheckRelease(RatingRulesTests.Entry(), "sw-1"));

    [Fact]
    public void A_contact_claimed_by_another_is_not_rated() =>
        Assert.Equal(RatingStep.ClaimedByAnother, RatingRules.Check(ClaimedBy("sw-2"), Rag.Red, "sw-1"));

    [Fact]
    public void A_contact_claimed_by_another_is_not_rated_even_with_the_rag_it_has() =>
        Assert.Equal(RatingStep.ClaimedByAnother, RatingRules.Check(ClaimedBy("sw-2") with { Rag = Rag.Red }, Rag.Red, "sw-1"));

    [Fact]
    public void The_claimant_rating_with_the_rag_it_has_changes_nothing() =>
        Assert.Equal(RatingStep.Unchanged, RatingRules.Check(ClaimedBy("sw-1") with { Rag = Rag.Red }, Rag.Red, "sw-1"));

    [Fact]
    public void The_claimant_rates() => Assert.Equal(RatingStep.Record, RatingRules.Check(ClaimedBy("sw-1"), Rag.Red, "sw-1"));

    [Fact]
    public void A_contact_claimed_by_another_is_not_decided() =>
        Assert.Equal(DecisionStep.ClaimedByAnother, DecisionRules.Check(ClaimedBy("sw-2") with { Rag = Rag.Red }, true, "sw-1"));
}
