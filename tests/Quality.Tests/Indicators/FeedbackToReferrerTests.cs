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
}
