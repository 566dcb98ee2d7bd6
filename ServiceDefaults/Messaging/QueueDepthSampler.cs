using RabbitMQ.Client.Exceptions;

namespace Mash.ServiceDefaults;

/// <summary>Messages ready in one of the service's queues (not yet handed to a consumer).</summary>
internal sealed record QueueDepth(string Queue, long Messages)
{
    /// <summary>A <c>_error</c> queue: messages whose consumer failed every retry, waiting for an operator.</summary>
    public bool IsErrorQueue => Queue.EndsWith(BusQueues.ErrorSuffix, StringComparison.Ordinal);
}

/// <summary>
/// Reads the depth of the service's queues and their <c>_error</c> queues with a passive
/// <c>queue.declare</c> each (one round trip, answered from the broker's memory) on one channel of
/// a connection of its own, so a sample costs the broker next to nothing and never touches
/// MassTransit's channels. MassTransit declares an <c>_error</c> queue only when it first moves a
/// message there, and a passive declare of a missing queue closes the channel and has the broker
/// log a <c>not_found</c> error an operator would chase. So a queue found missing counts as empty
/// and is asked about again only after one of the service's consumers gave up on a message
/// (<see cref="ConsumerFaults"/>), or once <paramref name="missingRecheck"/> has passed (a queue
/// that something else created: another replica's failure, an operator).
/// </summary>
internal sealed class QueueDepthSampler(string connectionString, string clientName, BusQueues queues, ConsumerFaults faults, TimeSpan missingRecheck, TimeProvider time) : IAsyncDisposable
{
    private const ushort NotFound = 404;

    // When each queue found missing was last asked about.
    private readonly Dictionary<string, DateTimeOffset> missingAskedAt = new(StringComparer.Ordinal);
    private readonly BrokerChannel broker = new(connectionString, clientName);

    /// <summary>Each known queue's depth; throws when the broker cannot be reached.</summary>
    public async Task<IReadOnlyList<QueueDepth>> SampleAsync(CancellationToken cancellationToken)
    {
        var depths = new List<QueueDepth>();
        var now = time.GetUtcNow();
        try
        {
            foreach (var (name, input) in queues.Names.SelectMany(q => new[] { (q, q), (q + BusQueues.ErrorSuffix, q) }))
            {
                if (missingAskedAt.TryGetValue(name, out var askedAt) && !AskAgain(input, askedAt, now))
                {
                    depths.Add(new QueueDepth(name, 0));
                    continue;
                }
                var open = await broker.OpenAsync(cancellationToken);
                try
                {
                    var declared = await open.QueueDeclarePassiveAsync(name, cancellationToken);
                    missingAskedAt.Remove(name);
                    depths.Add(new QueueDepth(name, declared.MessageCount));
                }
                catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == NotFound)
                {
                    missingAskedAt[name] = now;
                    depths.Add(new QueueDepth(name, 0));
                    await broker.CloseChannelAsync();
                }
            }
            // Even with no queue to ask about, the connection says whether the broker is there.
            await broker.OpenAsync(cancellationToken);
        }
        catch
        {
            await broker.DisconnectAsync();
            throw;
        }
        return depths;
    }

    // A fault noted before the message was moved is noted again once it has been.
    private bool AskAgain(string input, DateTimeOffset askedAt, DateTimeOffset now) =>
        now - askedAt >= missingRecheck || faults.LastAt(input) > askedAt;

    public ValueTask DisposeAsync() => broker.DisposeAsync();
}
