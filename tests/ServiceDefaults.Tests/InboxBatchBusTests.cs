using System.Collections.Concurrent;
using System.Diagnostics;
using Google.Protobuf;
using Mash.ServiceDefaults.Tests.Events;
using Mash.ServiceDefaults.Tests.Infrastructure;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Mash.ServiceDefaults.Tests;

/// <summary>A consumer of event batches, through a real RabbitMQ into a real PostgreSQL.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class InboxBatchBusTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Each_event_of_a_batch_is_applied_once_in_its_own_trace_and_a_batch_with_a_malformed_event_rests_in_the_error_queue_with_the_rest_applied()
    {
        var prefix = $"sdtests-batch-{Guid.NewGuid():N}"[..24];
        var database = infrastructure.Postgres.ConnectionString(await infrastructure.Postgres.CreateDatabaseAsync("inboxbus"));
        var sink = new BatchSink();
        await using var consumer = await StartConsumerAsync(prefix, database, sink);
        var events = Enumerable.Range(0, 100).Select(i => new ContactRated { ContactId = $"event-{i}" }).ToList();
        var second = events[50..];
        second.Insert(10, new ContactRated { ContactId = "event-7" });   // event-7 again, as a redelivery would be
        second.Insert(20, new ContactRated { ContactId = "malformed" });
        var bus = consumer.Services.GetRequiredService<IBus>();
        await bus.Publish(Traced(events[..50]));
        await bus.Publish(Traced(second));

        await ServiceHost.WaitUntilAsync(async () => await Readback.CountAsync(database, "SELECT count(*) FROM applied") >= 100);
        var queue = new KebabCaseEndpointNameFormatter(prefix, includeNamespace: false).Consumer<InboxBatchConsumer>();
        var faulted = await infrastructure.RabbitMq.GetAsync($"{queue}_error");

        Assert.Equal(100, await Readback.CountAsync(database, "SELECT count(DISTINCT event_id) FROM applied"));
        Assert.Equal(100, await Readback.CountAsync(database, "SELECT count(*) FROM applied"));
        // The batch rests as it came: each event as its protobuf encoding, in base64.
        var faultedBodies = System.Text.Json.JsonDocument.Parse(faulted.Body.ToArray()).RootElement.GetProperty("message").GetProperty("bodies");
        Assert.Equal(second.Count, faultedBodies.GetArrayLength());
        Assert.Contains(faultedBodies.EnumerateArray(), e => ContactRated.Parser.ParseFrom(e.GetBytesFromBase64()).ContactId == "malformed");
        Assert.Null(await infrastructure.RabbitMq.TryGetAsync($"{queue}_error"));
        // Each event keeps the trace it was written in, though a batch is consumed in one.
        var traces = sink.TraceParents.Where(t => t.Key != "malformed").Select(t => ActivityContext.Parse(t.Value!, null).TraceId).ToList();
        Assert.Equal(100, traces.Distinct().Count());
    }

    [Fact]
    public async Task A_consumer_applies_no_more_batches_at_once_than_its_share_of_the_pool()
    {
        var prefix = $"sdtests-share-{Guid.NewGuid():N}"[..24];
        var configuration = Configuration(prefix);
        // A pool of 4 spares 2 beside the outbox and health checks, 1 of them for the one endpoint's consumer.
        configuration["ServiceDefaults:Postgres:MaxPoolSize"] = "4";
        var overlap = new OverlapGauge();
        await using var consumer = await ServiceHost.StartAsync(configuration, b =>
        {
            b.Services.AddSingleton(overlap);
            b.AddMashBus(bus => bus.AddConsumer<SlowBatchConsumer>());
        });
        await consumer.WaitUntilHealthyAsync();

        var bus = consumer.Services.GetRequiredService<IBus>();
        await Task.WhenAll(Enumerable.Range(0, 5).Select(i => bus.Publish(EventBatch.Of(new ContactRated { ContactId = $"event-{i}" }, new ContactRated { ContactId = $"event-{i}b" }))));
        await ServiceHost.WaitUntilAsync(() => overlap.Consumed >= 10);

        Assert.Equal(1, consumer.Services.GetRequiredService<ConsumerBudget>().ConcurrentMessageLimit);
        Assert.Equal(1, overlap.MostAtOnce);
    }

    /// <summary>The events as the outbox publishes them: each in a trace of its own.</summary>
    private static EventBatch<ContactRated> Traced(IReadOnlyList<ContactRated> events) =>
        new([.. events.Select(e => e.ToByteArray())], [.. events.Select(_ => $"00-{ActivityTraceId.CreateRandom()}-{ActivitySpanId.CreateRandom()}-01")]);

    /// <summary>A host wired as a service is: its schema migrated at start (consumers wait for it), its data source from AddServiceDatabase.</summary>
    private async Task<ServiceHost> StartConsumerAsync(string prefix, string database, BatchSink sink)
    {
        var configuration = Configuration(prefix);
        configuration["ConnectionStrings:postgres"] = database;
        var host = await ServiceHost.StartAsync(configuration, b =>
        {
            b.Services.AddSingleton(sink);
            b.AddDatabaseMigrations([EventInbox.Migration, new Migration(1, "create_applied", "CREATE TABLE applied (event_id text NOT NULL)")]);
            b.AddMashBus(bus => bus.AddConsumer<InboxBatchConsumer>());
        });
        await host.WaitUntilHealthyAsync();
        return host;
    }

    private Dictionary<string, string?> Configuration(string prefix) => new()
    {
        ["ConnectionStrings:rabbitmq"] = infrastructure.RabbitMq.ConnectionString,
        ["ServiceDefaults:Bus:EndpointPrefix"] = prefix,
        ["ServiceDefaults:Bus:RetryLimit"] = "2",
        ["ServiceDefaults:Bus:RetryInitialInterval"] = "00:00:00.010",
        ["ServiceDefaults:Bus:RetryIncrement"] = "00:00:00.010",
    };
}

/// <summary>The trace each event was consumed with.</summary>
public sealed class BatchSink
{
    public ConcurrentDictionary<string, string?> TraceParents { get; } = new();
}

/// <summary>Applies each event (its contact id standing for its event id) once, a batch at a time, refusing a malformed one, as the services do.</summary>
public sealed class InboxBatchConsumer(NpgsqlDataSource dataSource, BatchSink sink) : IConsumer<EventBatch<ContactRated>>
{
    public Task Consume(ConsumeContext<EventBatch<ContactRated>> context) =>
        context.ApplyAsync((message, traceParent) =>
            {
                sink.TraceParents[message.ContactId] = traceParent;
                return message.ContactId == "malformed" ? throw new InvalidOperationException("A malformed event.") : message.ContactId;
            },
            rows => EventInbox.ApplyNewAsync(dataSource, nameof(InboxBatchConsumer), rows, id => id, async (transaction, fresh) =>
            {
                await using var command = new NpgsqlCommand("INSERT INTO applied (event_id) SELECT unnest($1::text[])", transaction.Connection, transaction);
                command.Parameters.Add(new() { Value = fresh.ToArray() });
                await command.ExecuteNonQueryAsync();
            }, context.CancellationToken));
}

/// <summary>How many batches a SlowBatchConsumer held at once, at most, and how many events it took.</summary>
public sealed class OverlapGauge
{
    private int current;
    private int mostAtOnce;
    private int consumed;

    public int MostAtOnce => Volatile.Read(ref mostAtOnce);

    public int Consumed => Volatile.Read(ref consumed);

    public async Task HoldAsync(int events)
    {
        var now = Interlocked.Increment(ref current);
        int most;
        while (now > (most = Volatile.Read(ref mostAtOnce)) && Interlocked.CompareExchange(ref mostAtOnce, now, most) != most)
        {
        }
        // Long enough for a second batch to start beside it, were one allowed.
        await Task.Delay(200);
        Interlocked.Decrement(ref current);
        Interlocked.Add(ref consumed, events);
    }
}

public sealed class SlowBatchConsumer(OverlapGauge gauge) : IConsumer<EventBatch<ContactRated>>
{
    public Task Consume(ConsumeContext<EventBatch<ContactRated>> context) => gauge.HoldAsync(context.Message.Bodies.Count);
}

