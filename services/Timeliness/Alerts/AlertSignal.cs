namespace Mash.Timeliness.Alerts;

/// <summary>
/// A wake-up within this process: the consumers wake the scheduler when they wrote a deadline (a
/// nearer moment than it sleeps for, perhaps), the scheduler wakes the watch streams when it raised
/// alerts. A missed wake only delays: both also look again on their own cadence.
/// </summary>
internal sealed class AlertSignal
{
    private TaskCompletionSource next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next <see cref="Wake"/> after this call.</summary>
    public Task Next => Volatile.Read(ref next).Task;

    public void Wake() => Interlocked.Exchange(ref next, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
