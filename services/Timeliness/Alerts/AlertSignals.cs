namespace Mash.Timeliness.Alerts;

/// <summary>This process's two wake-ups: a deadline was written (for the scheduler), alerts were raised (for the watch streams).</summary>
internal sealed class AlertSignals
{
    private const long Looking = long.MinValue;
    private long sleepingUntil = Looking;

    public AlertSignal DeadlineWritten { get; } = new();

    public AlertSignal AlertsRaised { get; } = new();

    /// <summary>The scheduler is about to look at the deadlines: until it sleeps, every write may be one it missed.</summary>
    public void SchedulerLooking() => Interlocked.Exchange(ref sleepingUntil, Looking);

    /// <summary>The scheduler sleeps until <paramref name="wake"/> (it looked, and nothing it saw is due before).</summary>
    public void SchedulerSleepingUntil(DateTimeOffset wake) => Interlocked.Exchange(ref sleepingUntil, wake.UtcTicks);

    /// <summary>Whether a deadline with <paramref name="moment"/>, just committed, may be missed unless the scheduler is woken.</summary>
    public bool MayMiss(DateTimeOffset moment) => Interlocked.Read(ref sleepingUntil) is var until && (until == Looking || moment.UtcTicks < until);
}
