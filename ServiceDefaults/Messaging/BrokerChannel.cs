using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Mash.ServiceDefaults;

/// <summary>
/// One channel on a RabbitMQ connection of its own, for asking the broker about queues (passive
/// declares) without touching MassTransit's channels. Opened on first use and again after a failure;
/// never recovered in the background.
/// </summary>
internal sealed class BrokerChannel(string connectionString, string clientName) : IAsyncDisposable
{
    private IConnection? connection;
    private IChannel? channel;

    /// <summary>The channel, connecting first if need be; throws when the broker cannot be reached.</summary>
    public async Task<IChannel> OpenAsync(CancellationToken cancellationToken)
    {
        if (connection is not { IsOpen: true })
        {
            await DisconnectAsync();
            var factory = new ConnectionFactory
            {
                Uri = new Uri(connectionString),
                AutomaticRecoveryEnabled = false,
                TopologyRecoveryEnabled = false,
                ClientProvidedName = clientName,
            };
            connection = await factory.CreateConnectionAsync(cancellationToken);
        }
        if (channel is not { IsOpen: true })
        {
            await CloseChannelAsync();
            channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        }
        return channel;
    }

    /// <summary>Closes the channel (a passive declare of a missing queue has the broker close it anyway).</summary>
    public async Task CloseChannelAsync()
    {
        if (channel is { } closing)
        {
            channel = null;
            await DisposeQuietlyAsync(closing, CloseTimeout);
        }
    }

    /// <summary>Closes the channel and the connection; the next <see cref="OpenAsync"/> connects again.</summary>
    public async Task DisconnectAsync()
    {
        await CloseChannelAsync();
        if (connection is { } closing)
        {
            connection = null;
            await DisposeQuietlyAsync(closing, CloseTimeout);
        }
    }

    /// <summary>How long closing a channel or connection may take before it is left to finish alone.</summary>
    internal static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    // A broken connection or channel may fail again as it is disposed, or never finish closing (a
    // channel the broker is closing itself, as it does after a passive declare of a missing queue);
    // there is nothing left to do with it, and the sampler must not wait on it for ever.
    internal static async Task DisposeQuietlyAsync(IAsyncDisposable disposable, TimeSpan timeout)
    {
        try
        {
            await disposable.DisposeAsync().AsTask().WaitAsync(timeout);
        }
        catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or IOException or ObjectDisposedException or TimeoutException)
        {
        }
    }

    public ValueTask DisposeAsync() => new(DisconnectAsync());
}
