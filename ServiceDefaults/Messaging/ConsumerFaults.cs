using System.Collections.Concurrent;
using MassTransit;

namespace Mash.ServiceDefaults;

/// <summary>
/// When each of the service's queues last had a message its consumer gave up on (every retry
/// spent, or a message it could not read): MassTransit moves such a message to
/// <c>&lt;queue&gt;_error</c>, declaring that queue with the first. It tells of the fault just before
/// the move, and of the end of the receive just after, so both are noted: <see cref="QueueDepthSampler"/>
/// asks again about an <c>_error</c> queue it found missing only after its queue had one of these.
/// </summary>
internal sealed class ConsumerFaults(TimeProvider time) : IReceiveObserver
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> lastByQueue = new(StringComparer.Ordinal);

    /// <summary>The latest fault on <paramref name="queue"/> (an input queue), or null if none since the service started.</summary>
    public DateTimeOffset? LastAt(string queue) => lastByQueue.TryGetValue(queue, out var at) ? at : null;

    // Retries defer their faults, so MassTransit tells of one once, as it gives up on the message.
    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception)
        where T : class => Noted(context.ReceiveContext);

    public Task ReceiveFault(ReceiveContext context, Exception exception) => Noted(context);

    // After the error transport has moved the message (the _error queue is there by now).
    public Task PostReceive(ReceiveContext context) => context.IsFaulted ? Noted(context) : Task.CompletedTask;

    public Task PreReceive(ReceiveContext context) => Task.CompletedTask;
    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType) where T : class => Task.CompletedTask;

    internal void Record(string queue) => lastByQueue[queue] = time.GetUtcNow();

    private Task Noted(ReceiveContext context)
    {
        Record(new RabbitMqEndpointAddress(context.InputAddress, context.InputAddress).Name);
        return Task.CompletedTask;
    }
}
