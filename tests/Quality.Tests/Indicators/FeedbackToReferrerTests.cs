using Mash.Quality.Indicators;
using static Mash.Quality.Tests.Indicators.ActivityTestFacts;

namespace Mash.Quality.Tests.Indicators;

/// <summary>O4: three referrals, two of them fed back; the feedback on a contact below the threshold is no referral's.</summary>
public sealed class FeedbackToReferrerTests
{
    [Fact]
    public void Only_referrals_whose_referrer_was_told_count() =>
        Assert.Equal(2, FeedbackToReferrer.ReferralsFedBack(
            [Decision("c1", true), Decision("c2", true), Decision("c3", true), Decision("c4", false)],
            [FedBack("c1"), FedBack("c3"), FedBack("c4")]));

    [Fact]
    public void How_long_it_took_is_the_mean_from_decision_to_first_telling_of_the_referrals_told() =>
        Assert.Equal(3.0, FeedbackToReferrer.MeanHoursToFeedback(
            [Decision("c1", true), Decision("c2", true), Decision("c3", false)],
            [FedBack("c1", TestFacts.Monday.AddHours(2)), FedBack("c2", TestFacts.Monday.AddHours(4)), FedBack("c3", TestFacts.Monday.AddHours(50))]));

    [Fact]
    public void With_no_referral_told_there_is_no_time() =>
        Assert.Null(FeedbackToReferrer.MeanHoursToFeedback([Decision("c1", true)], []));
}
