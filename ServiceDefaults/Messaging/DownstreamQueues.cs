using RabbitMQ.Client.Exceptions;

namespace Mash.ServiceDefaults;

/// <summary>
/// Whether the consumers of the service's events are keeping up: asks RabbitMQ (a passive
/// <c>queue.declare</c> each, on a connection of its own) how many messages wait in each queue the
/// events feed and whether anyone consumes it. A queue is behind when it is being consumed and holds
/// more than <paramref name="maxReady"/> messages ready. A queue nobody consumes (its service is down)
/// never is: RabbitMQ keeps its messages, and the rest of the platform should not wait for it. An
/// answer is kept for <paramref name="cacheFor"/>, so asking per batch costs the broker little.
/// </summary>
internal sealed class DownstreamQueues(string connectionString, string clientName, IReadOnlyList<string> queues, int maxReady, TimeSpan cacheFor, TimeProvider time) : IAsyncDisposable
{
    private const ushort NotFound = 404;

    // A queue not declared yet (its consumer has not started) is asked about again only after this: each ask has the broker log not_found.
    private static readonly TimeSpan MissingRecheck = TimeSpan.FromSeconds(10);

    private readonly Dictionary<string, DateTimeOffset> missingSince = new(StringComparer.Ordinal);
    private readonly BrokerChannel broker = new(connectionString, clientName);
    private (DateTimeOffset At, bool Behind)? last;

    /// <summary>The queues asked about.</summary>
    public IReadOnlyList<string> Queues => queues;

    /// <summary>Whether some consumed queue holds more than its share; false when the broker cannot be asked (publishing will say so).</summary>
    public async Task<bool> AnyBehindAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (last is { } known && now - known.At < cacheFor)
        {
            return known.Behind;
        }
        var behind = false;
        try
        {
            foreach (var queue in queues)
            {
                if (missingSince.TryGetValue(queue, out var since) && now - since < MissingRecheck)
                {
                    continue;
                }
                behind |= await IsBehindAsync(queue, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is BrokerUnreachableException or AlreadyClosedException or OperationInterruptedException or IOException or TimeoutException)
        {
            await broker.DisconnectAsync();
        }
        last = (now, behind);
        return behind;
    }

    private async Task<bool> IsBehindAsync(string queue, CancellationToken cancellationToken)
    {
        var open = await broker.OpenAsync(cancellationToken);
        try
        {
            var declared = await open.QueueDeclarePassiveAsync(queue, cancellationToken);
            missingSince.Remove(queue);
            return declared.ConsumerCount > 0 && declared.MessageCount > maxReady;
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == NotFound)
        {
            missingSince[queue] = time.GetUtcNow();
            await broker.CloseChannelAsync();
            return false;
        }
    }

    public ValueTask DisposeAsync() => broker.DisposeAsync();
}
