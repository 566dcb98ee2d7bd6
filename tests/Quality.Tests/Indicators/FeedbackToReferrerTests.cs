using Mash.Quality.Indicators;
using static Mash.Quality.Tests.Indicators.DepthTestFacts;

namespace Mash.Quality.Tests.Indicators;

/// <summary>
/// O4 over two referrals: the first owed to its referrer and two contributing agencies, the referrer
/// told after 2 h and one contributor after 7 h; the second owed to its referrer only, told after 3 h.
/// Four owed, three told, 4 h on average; one referral's referrer told of two.
/// </summary>
public sealed class FeedbackToReferrerTests
{
    private static readonly Mash.Quality.Facts.FeedbackOwedFact[] TwoReferrals =
    [
        Owed(toReferrer: true, TimeSpan.FromHours(2)), Owed(toReferrer: false, TimeSpan.FromHours(7)), Owed(toReferrer: false, null),
        Owed(toReferrer: true, TimeSpan.FromHours(3)),
    ];

    [Fact]
    public void Every_agency_owed_counts_the_referrer_and_each_contributor() =>
        Assert.Equal((4, 3), (FeedbackToReferrer.Owed(TwoReferrals), FeedbackToReferrer.Told(TwoReferrals)));

    [Fact]
    public void Referrers_told_are_the_referrals_whose_referrer_was_told_not_the_contributors() =>
        Assert.Equal(1, FeedbackToReferrer.ReferrersTold([.. TwoReferrals.Take(3), Owed(toReferrer: true, null)]));

    [Fact]
    public void How_long_it_took_is_the_mean_from_the_outcome_s_first_recording_over_every_telling() =>
        Assert.Equal(4.0, FeedbackToReferrer.MeanHoursToTell(TwoReferrals));

    [Fact]
    public void A_rollup_row_stands_for_as_many_tellings_as_it_counts() =>
        Assert.Equal(2.5, FeedbackToReferrer.MeanHoursToTell([new(true, true, 5 * 3_600_000_000m) { Count = 2 }]));

    [Fact]
    public void With_no_agency_told_there_is_no_time() =>
        Assert.Null(FeedbackToReferrer.MeanHoursToTell([Owed(toReferrer: true, null)]));
}
