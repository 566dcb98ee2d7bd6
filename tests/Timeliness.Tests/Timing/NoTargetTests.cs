using Mash.Contracts.Common.V1;
using Mash.Timeliness.Clocks;
using Mash.Timeliness.Tests.Infrastructure;
using Mash.Timeliness.Timing;
using static Mash.Timeliness.Tests.Infrastructure.Instants;

namespace Mash.Timeliness.Tests.Timing;

/// <summary>A RAG with no target ("none"): written out, nothing is due, the clock keeps its times and never stops late.</summary>
public class NoTargetTests
{
    private static TimelinessOptions WithoutGreenTarget()
    {
        var options = TestTargets.Options();
        options.Targets.Green = "none";
        return options;
    }

    [Theory]
    [InlineData("none")]
    [InlineData(" None ")]
    public void None_reads_as_no_target(string text) => Assert.Equal(new Target.None(), TargetText.Parse(text));

    [Fact]
    public void It_is_valid() => Assert.Empty(TimelinessOptionsValidator.Problems(WithoutGreenTarget()));

    [Fact]
    public void A_missing_target_is_still_an_error_that_says_none_may_be_written()
    {
        var options = TestTargets.Options();
        options.Targets.Green = null;

        Assert.Contains("or \"none\"", Assert.Single(TimelinessOptionsValidator.Problems(options)), StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_is_due() => Assert.Null(Deadlines.From(WithoutGreenTarget()).DueAt(Bst(2025, 6, 2, 10), Rag.Green));

    [Fact]
    public void The_other_rags_keep_theirs() =>
        Assert.Equal(Bst(2025, 6, 2, 14), Deadlines.From(WithoutGreenTarget()).DueAt(Bst(2025, 6, 2, 10), Rag.Red));

    [Fact]
    public void A_decided_clock_without_a_target_is_not_timed()
    {
        var deadlines = Deadlines.From(WithoutGreenTarget());
        var clock = ClockRecord.Empty("c-1");
        var stops = 0;
        foreach (var fact in new ClockFact[] { new ClockFact.Received(Bst(2025, 6, 2, 10)), new ClockFact.Rated(Rag.Green, Bst(2025, 6, 2, 11)), new ClockFact.Decided(Bst(2025, 6, 20, 10)) })
        {
            var step = ClockRules.Apply(clock, fact, deadlines.DueAt);
            clock = step.Clock;
            stops += step.Stopped ? 1 : 0;
        }

        Assert.Equal(0, stops);
        Assert.True(clock.HasNoTarget);
        Assert.Equal(Bst(2025, 6, 20, 10), clock.DecidedAt);
    }

    [Fact]
    public void Re_rated_to_a_rag_with_a_target_it_is_timed_again()
    {
        var deadlines = Deadlines.From(WithoutGreenTarget());
        var clock = new ClockRecord("c-1", Bst(2025, 6, 2, 10), Rag.Green, Bst(2025, 6, 2, 11), null, null, null);

        var step = ClockRules.Apply(clock, new ClockFact.Rated(Rag.Amber, Bst(2025, 6, 2, 12)), deadlines.DueAt);

        Assert.Equal(Bst(2025, 6, 3, 10), step.Clock.DueAt);
    }
}
