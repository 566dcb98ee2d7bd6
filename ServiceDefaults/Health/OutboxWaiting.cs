namespace Mash.ServiceDefaults;

/// <summary>
/// The service's events written but not yet published, as the latest background sample counted
/// them (<see cref="OperationsOptions.SampleInterval"/>): what a writer consults to hold back
/// (admission control) when its events pile up faster than they leave.
/// </summary>
public sealed class OutboxWaiting
{
    private readonly OperationsMonitor monitor;

    internal OutboxWaiting(OperationsMonitor monitor) => this.monitor = monitor;

    /// <summary>The events waiting at the latest sample; null before the first, or when it could not read the outbox.</summary>
    public long? Events => monitor.Latest?.Database?.Outbox?.Waiting;
}
