using Mash.ServiceDefaults.Tests.Events;
using Mash.ServiceDefaults.Tests.Infrastructure;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Mash.ServiceDefaults.Tests;

/// <summary>A batch consumer waits a PostgreSQL outage out, even one that cuts a batch off mid-transaction: nothing goes to _error, everything is applied once.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class BatchOutageTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Batches_cut_off_by_PostgreSQL_stopping_are_retried_until_it_is_back_and_none_goes_to_the_error_queue()
    {
        var prefix = $"sdtests-outage-{Guid.NewGuid():N}"[..24];
        var database = infrastructure.Postgres.ConnectionString(await infrastructure.Postgres.CreateDatabaseAsync("batchoutage"));
        await using var consumer = await ServiceHost.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:rabbitmq"] = infrastructure.RabbitMq.ConnectionString,
            ["ConnectionStrings:postgres"] = database,
            ["ServiceDefaults:Bus:EndpointPrefix"] = prefix,
            ["ServiceDefaults:Bus:OutageRetryMaxInterval"] = "00:00:00.500",
        }, b =>
        {
            b.AddDatabaseMigrations([EventInbox.Migration, new Migration(1, "create_applied", "CREATE TABLE applied (event_id text NOT NULL)")]);
            b.AddMashBus(bus => bus.AddConsumer<SlowInboxBatchConsumer>());
        });
        await consumer.WaitUntilHealthyAsync();
        var bus = consumer.Services.GetRequiredService<IBus>();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(b => bus.Publish(EventBatch.Of([.. Enumerable.Range(10 * b, 10).Select(i => new ContactRated { ContactId = $"event-{i}" })]))));
        await ServiceHost.WaitUntilAsync(async () => await Readback.CountAsync(database, "SELECT count(*) FROM applied") >= 10);
        // Each batch holds its transaction open a while, so stopping now cuts one off in the middle.
        await infrastructure.Postgres.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(3));
        await infrastructure.Postgres.StartAgainAsync();
        await ServiceHost.WaitUntilAsync(async () => await Readback.CountAsync(database, "SELECT count(DISTINCT event_id) FROM applied") >= 200);

        var queue = new KebabCaseEndpointNameFormatter(prefix, includeNamespace: false).Consumer<SlowInboxBatchConsumer>();
        Assert.Equal(0u, await infrastructure.RabbitMq.MessagesInAsync($"{queue}_error"));
        Assert.Equal(200, await Readback.CountAsync(database, "SELECT count(*) FROM applied"));
    }
}

/// <summary>Applies each event once, a batch at a time, holding each batch's transaction open for a moment.</summary>
public sealed class SlowInboxBatchConsumer(NpgsqlDataSource dataSource) : IConsumer<EventBatch<ContactRated>>
{
    public Task Consume(ConsumeContext<EventBatch<ContactRated>> context) =>
        context.ApplyAsync((message, _) => message.ContactId,
            rows => EventInbox.ApplyNewAsync(dataSource, nameof(SlowInboxBatchConsumer), rows, id => id, async (transaction, fresh) =>
            {
                await using var insert = new NpgsqlCommand("INSERT INTO applied (event_id) SELECT unnest($1::text[])", transaction.Connection, transaction);
                insert.Parameters.Add(new() { Value = fresh.ToArray() });
                await insert.ExecuteNonQueryAsync();
                await using var pause = new NpgsqlCommand("SELECT pg_sleep(0.2)", transaction.Connection, transaction);
                await pause.ExecuteNonQueryAsync();
            }, context.CancellationToken));
}
