using Mash.Contracts.Common.V1;
using Mash.Timeliness.Alerts;
using Mash.Timeliness.Clocks;
using Mash.Timeliness.Tests.Infrastructure;
using static Mash.Timeliness.Tests.Infrastructure.Instants;

namespace Mash.Timeliness.Tests.Alerts;

/// <summary>When a clock's alerts fall: approaching once the configured share of its target is used (as the target counts time), breached at its due time; only an open clock with a target has them.</summary>
public class AlertMomentsTests
{
    private static readonly AlertMoments Quarter = new(TestTargets.Deadlines, 0.75);

    private static ClockRecord Rated(Rag rag, DateTimeOffset startedAt) =>
        ClockRecord.Empty("c-1") with { StartedAt = startedAt, Rag = rag, RatedAt = startedAt, DueAt = TestTargets.Deadlines.DueAt(startedAt, rag) };

    [Fact]
    public void An_hours_target_is_approaching_when_three_quarters_of_it_have_passed()
    {
        var deadline = Quarter.DeadlineOf(Rated(Rag.Red, Bst(2025, 6, 2, 10)))!;

        Assert.Equal((Bst(2025, 6, 2, 13), Bst(2025, 6, 2, 14)), (deadline.ApproachingAt, deadline.DueAt));
    }

    [Fact]
    public void A_working_days_target_counts_only_working_time_towards_its_approach()
    {
        // Received Friday 10:00, due the next Friday 10:00 (5 working days): 3.75 working days are
        // Friday's 14 h, Monday to Wednesday's 72 h and Thursday's first 4 h; the weekend uses none.
        var deadline = Quarter.DeadlineOf(Rated(Rag.Green, Bst(2025, 6, 6, 10)))!;

        Assert.Equal((Bst(2025, 6, 12, 4), Bst(2025, 6, 13, 10)), (deadline.ApproachingAt, deadline.DueAt));
    }

    [Fact]
    public void The_share_is_the_partnership_s()
    {
        var half = new AlertMoments(TestTargets.Deadlines, 0.5);

        Assert.Equal(Bst(2025, 6, 2, 22), half.DeadlineOf(Rated(Rag.Amber, Bst(2025, 6, 2, 10)))!.ApproachingAt);
    }

    [Fact]
    public void A_rag_without_a_target_has_no_alerts()
    {
        var options = TestTargets.Options();
        options.Targets.Green = "none";
        var deadlines = Mash.Timeliness.Timing.Deadlines.From(options);
        var clock = ClockRecord.Empty("c-1") with { StartedAt = Bst(2025, 6, 2, 10), Rag = Rag.Green, RatedAt = Bst(2025, 6, 2, 10), DueAt = deadlines.DueAt(Bst(2025, 6, 2, 10), Rag.Green) };

        Assert.Null(new AlertMoments(deadlines, 0.75).DeadlineOf(clock));
    }

    [Fact]
    public void A_decided_clock_has_no_alerts() =>
        Assert.Null(Quarter.DeadlineOf(Rated(Rag.Red, Bst(2025, 6, 2, 10)) with { DecidedAt = Bst(2025, 6, 2, 11) }));

    [Fact]
    public void A_clock_not_yet_rated_has_no_alerts() =>
        Assert.Null(Quarter.DeadlineOf(ClockRecord.Empty("c-1") with { StartedAt = Bst(2025, 6, 2, 10) }));
}
