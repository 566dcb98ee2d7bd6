using Mash.Quality.Assurance;
using Mash.Quality.Definitions;

namespace Mash.Quality.Tests.Assurance;

public sealed class TrendRuleTests
{
    private static readonly TrendSettings LastTwo = new(2, 0);

    [Fact]
    public void Rising_when_high_is_good_is_positive() =>
        // Calderdale 2015/16: Q1 55.1, Q2 65.
        Assert.Equal(Trend.Positive, TrendRule.Judge([55.1, 65], Polarity.High, LastTwo));

    [Fact]
    public void Rising_when_low_is_good_is_negative() => Assert.Equal(Trend.Negative, TrendRule.Judge([10, 12], Polarity.Low, LastTwo));

    [Fact]
    public void Falling_when_low_is_good_is_positive() => Assert.Equal(Trend.Positive, TrendRule.Judge([12, 10], Polarity.Low, LastTwo));

    [Fact]
    public void A_change_within_the_tolerance_is_steady() =>
        Assert.Equal(Trend.Steady, TrendRule.Judge([60, 60.4], Polarity.High, new TrendSettings(2, 0.5)));

    [Fact]
    public void A_change_just_beyond_the_tolerance_is_not_steady() =>
        Assert.Equal(Trend.Negative, TrendRule.Judge([60, 59.4], Polarity.High, new TrendSettings(2, 0.5)));

    [Fact]
    public void The_window_compares_the_latest_with_the_first_of_the_window() =>
        // Window 4: 50 → 70, whatever the quarters between did.
        Assert.Equal(Trend.Positive, TrendRule.Judge([40, 50, 80, 30, 70], Polarity.High, new TrendSettings(4, 0)));

    [Fact]
    public void Fewer_values_than_the_window_is_unknown() => Assert.Equal(Trend.Unknown, TrendRule.Judge([60], Polarity.High, LastTwo));

    [Fact]
    public void A_context_indicator_has_no_good_direction() => Assert.Equal(Trend.Unknown, TrendRule.Judge([1, 2], Polarity.Context, LastTwo));
}
