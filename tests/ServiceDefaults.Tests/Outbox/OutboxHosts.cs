using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Mash.ServiceDefaults.Tests;

/// <summary>What the outbox tests do to a host with an outbox: write an event as a service would, count what waits, reach the dispatcher.</summary>
internal static class OutboxHosts
{
    public static OutboxDispatcher Dispatcher(this ServiceHost host) =>
        host.Services.GetServices<IHostedService>().OfType<OutboxDispatcher>().Single();

    /// <summary>Adds <paramref name="sent"/> to the outbox in a transaction of its own, committed.</summary>
    public static async Task AddEventAsync(this ServiceHost host, IMessage sent)
    {
        await using var connection = await host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await host.Services.GetRequiredService<EventOutbox>().AddAsync(transaction, sent);
        await transaction.CommitAsync();
    }

    /// <summary>The events in the outbox, published or not.</summary>
    public static async Task<long> CountOutboxAsync(this ServiceHost host)
    {
        await using var command = host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("SELECT count(*) FROM outbox_messages");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
