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
    private readonly TimeProvider time;

    internal OutboxWaiting(OperationsMonitor monitor, EventOutbox? outbox, TimeProvider time) => (this.monitor, this.outbox, this.time) = (monitor, outbox, time);

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

    /// <summary>
    /// Whether the dispatcher is held up: the consumers of its events are behind (<see cref="OutboxOptions.PaceQueues"/>)
    /// or the broker refuses them, lately. Events it merely holds back while writers write
    /// (<see cref="OutboxOptions.MaxYield"/>) leave once they pause, so they are no reason to hold back.
    /// </summary>
    public bool IsHeldUp => outbox?.IsHeldUp(time.GetUtcNow()) ?? false;
}
