using Mash.Contracts.Common.V1;
using Mash.Quality.Facts;
using Mash.Quality.Indicators;
using static Mash.Quality.Tests.Indicators.TestFacts;

namespace Mash.Quality.Tests.Indicators;

public sealed class ScorecardsTests
{
    [Fact]
    public void The_scorecard_puts_each_indicator_in_its_place()
    {
        var card = Scorecards.Compute(new ScorecardFacts(
            [Contact("c1", "police-west"), Contact("c2", "st-marys-school")],
            [Rating("c1", Rag.Amber)],
            [Outcome("r1", "advice"), Referral("r2", isRepeatReferral: true), Referral("r3", isRepeatReferral: false), Referral("r4", isRepeatReferral: false)],
            [Timing("c1", true), Timing("c2", false)]));

        Assert.Equal(1, card.ContactsByAgency["police-west"]);
        Assert.Equal(1, card.ContactsByRag["RAG_AMBER"]);
        Assert.Equal(1, card.Outcomes["advice"]);
        Assert.Equal((2, 1, 0.5), (card.DecisionsTimed, card.DecisionsWithinTarget, card.ShareWithinTarget));
        Assert.Equal((3, 1, 1 / 3.0), (card.Referrals, card.RepeatReferrals, card.RepeatReferralRate));
    }

    [Fact]
    public void An_empty_period_gives_an_empty_scorecard()
    {
        var card = Scorecards.Compute(new ScorecardFacts([], [], [], []));
        Assert.Empty(card.ContactsByAgency);
        Assert.Equal((0, 0, 0.0), (card.DecisionsTimed, card.DecisionsWithinTarget, card.ShareWithinTarget));
        Assert.Equal((0, 0, 0.0), (card.Referrals, card.RepeatReferrals, card.RepeatReferralRate));
    }
}
