using Mash.Quality.Indicators;
using static Mash.Quality.Tests.Indicators.TestFacts;

namespace Mash.Quality.Tests.Indicators;

public sealed class DecisionTimelinessTests
{
    [Fact]
    public void Every_timed_decision_counts_as_timed() =>
        Assert.Equal(3, DecisionTimeliness.DecisionsTimed([Timing("c1", true), Timing("c2", false), Timing("c3", true)]));

    [Fact]
    public void Only_decisions_inside_their_target_count_as_within_target() =>
        Assert.Equal(2, DecisionTimeliness.DecisionsWithinTarget([Timing("c1", true), Timing("c2", false), Timing("c3", true)]));

    [Fact]
    public void The_share_within_target_is_within_over_timed() => Assert.Equal(0.75, DecisionTimeliness.ShareWithinTarget(4, 3));

    [Fact]
    public void The_share_is_zero_when_nothing_was_timed() => Assert.Equal(0, DecisionTimeliness.ShareWithinTarget(0, 0));

    [Fact]
    public void All_within_target_is_a_share_of_one() => Assert.Equal(1, DecisionTimeliness.ShareWithinTarget(3, 3));
}
