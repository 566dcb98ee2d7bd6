using Mash.Quality.Assurance;
using Mash.Quality.Definitions;
using static Mash.Quality.Tests.Assurance.TestIndicators;

namespace Mash.Quality.Tests.Assurance;

public sealed class TargetRuleTests
{
    private static readonly IndicatorTarget Sixty = new(60, ComparatorKind.Local, "004");

    [Fact]
    public void High_is_good_and_equal_to_the_target_is_met() => Assert.Equal(TargetResult.Met, TargetRule.Judge(60, Sixty, Polarity.High));

    [Fact]
    public void High_is_good_and_below_the_target_is_missed() =>
        // Calderdale's 2015/16 Q1: 55.1 per 10k against 60.
        Assert.Equal(TargetResult.Missed, TargetRule.Judge(55.1, Sixty, Polarity.High));

    [Fact]
    public void Low_is_good_and_below_the_target_is_met() => Assert.Equal(TargetResult.Met, TargetRule.Judge(10, Sixty, Polarity.Low));

    [Fact]
    public void Low_is_good_and_above_the_target_is_missed() => Assert.Equal(TargetResult.Missed, TargetRule.Judge(60.1, Sixty, Polarity.Low));

    [Fact]
    public void Without_a_target_there_is_nothing_to_meet() => Assert.Equal(TargetResult.NoTarget, TargetRule.Judge(60, null, Polarity.High));

    [Fact]
    public void A_context_indicator_is_never_met_or_missed() => Assert.Equal(TargetResult.NoTarget, TargetRule.Judge(60, Sixty, Polarity.Context));

    [Fact]
    public void The_test_indicator_has_Calderdales_target() => Assert.Equal(60, Indicator().Target!.Value);
}
