using Mash.Timeliness.Alerts;
using Mash.Timeliness.Tests.Infrastructure;

namespace Mash.Timeliness.Tests.Alerts;

/// <summary>A deadline written wakes the scheduler only when it could otherwise be late: while the scheduler looks, or before it means to wake.</summary>
public class AlertSignalsTests
{
    private static readonly DateTimeOffset Wake = AlertsUnderTest.Start.AddHours(1);

    [Fact]
    public void While_the_scheduler_looks_every_write_may_be_missed()
    {
        var signals = new AlertSignals();
        signals.SchedulerSleepingUntil(Wake);

        signals.SchedulerLooking();

        Assert.True(signals.MayMiss(Wake.AddDays(30)));
    }

    [Fact]
    public void A_moment_before_the_scheduler_wakes_wakes_it() =>
        Assert.True(Sleeping().MayMiss(Wake.AddSeconds(-1)));

    [Fact]
    public void A_moment_at_or_after_it_wakes_leaves_it_asleep() =>
        Assert.Equal((false, false), (Sleeping().MayMiss(Wake), Sleeping().MayMiss(Wake.AddHours(5))));

    private static AlertSignals Sleeping()
    {
        var signals = new AlertSignals();
        signals.SchedulerSleepingUntil(Wake);
        return signals;
    }
}
