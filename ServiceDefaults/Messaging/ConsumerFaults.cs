using MassTransit;

namespace Mash.ServiceDefaults;

/// <summary>
/// When one of the service's consumers last gave up on a message (every retry spent, or a message
/// it could not read): MassTransit moves such a message to <c>&lt;queue&gt;_error</c>, declaring that
/// queue with the first, just after telling its observers. <see cref="QueueDepthSampler"/> asks
/// again about an <c>_error</c> queue it found missing only after this changes.
/// </summary>
internal sealed class ConsumerFaults(TimeProvider time) : IReceiveObserver
{
    private long lastTicks;

    /// <summary>The latest fault, or null if none since the service started.</summary>
    public DateTimeOffset? LastAt => Interlocked.Read(ref lastTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    // Retries defer their faults, so MassTransit tells of one once, as it gives up on the message.
    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception)
        where T : class
    {
        Record();
        return Task.CompletedTask;
    }

    public Task ReceiveFault(ReceiveContext context, Exception exception)
    {
        Record();
        return Task.CompletedTask;
    }

    public Task PreReceive(ReceiveContext context) => Task.CompletedTask;
    public Task PostReceive(ReceiveContext context) => Task.CompletedTask;
    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType) where T : class => Task.CompletedTask;

    internal void Record() => Interlocked.Exchange(ref lastTicks, time.GetUtcNow().UtcTicks);
}
