namespace Mash.ServiceDefaults;

/// <summary>
/// The service's events written but not yet published: the latest background count
/// (<see cref="OperationsOptions.SampleInterval"/>) brought up to date with what this process has
/// written and published since, so a writer can hold back (admission control) the moment its events
/// pile up rather than a sample later.
/// </summary>
public sealed class OutboxWaiting
{
    private readonly OperationsMonitor monitor;
    private readonly EventOutbox? outbox;

    internal OutboxWaiting(OperationsMonitor monitor, EventOutbox? outbox) => (this.monitor, this.outbox) = (monitor, outbox);

    /// <summary>The events waiting now; null before the first sample, or when it could not read the outbox.</summary>
    public long? Events
    {
        get
        {
            if (monitor.Latest?.Database?.Outbox is not { } sampled)
            {
                return null;
            }
            var (written, published) = outbox?.Counts ?? sampled.CountsBefore;
            return Math.Max(0, sampled.Waiting + (written - sampled.CountsBefore.Written) - (published - sampled.CountsBefore.Published));
        }
    }
}
