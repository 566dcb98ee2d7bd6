using System.Collections.Concurrent;
using System.Diagnostics;
using Mash.ServiceDefaults.Tests.Events;
using Mash.ServiceDefaults.Tests.Infrastructure;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Mash.ServiceDefaults.Tests;

/// <summary>A batch consumer added with AddEventBatchConsumer, through a real RabbitMQ into a real PostgreSQL.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class InboxBatchBusTests(InfrastructureFixture infrastructure)
{
    private const int MessageLimit = 40;

    [Fact]
    public async Task Events_published_together_arrive_in_batches_of_the_configured_size_each_applied_once_in_its_own_trace_and_a_malformed_one_alone_goes_to_the_error_queue()
    {
        var prefix = $"sdtests-batch-{Guid.NewGuid():N}"[..24];
        var database = infrastructure.Postgres.ConnectionString(await infrastructure.Postgres.CreateDatabaseAsync("inboxbus"));
        var sink = new BatchSink();
        await using var consumer = await StartConsumerAsync(prefix, database, sink);
        var events = Enumerable.Range(0, 100).Select(i => new ContactRated { ContactId = $"event-{i}" }).ToList();
        events.Insert(30, new ContactRated { ContactId = "event-7" });   // event-7 again, as a redelivery would be
        events.Insert(60, new ContactRated { ContactId = "malformed" });
        // All at once: a batch fills within its time limit of the first event.
        var bus = consumer.Services.GetRequiredService<IBus>();
        await Task.WhenAll(events.Select(e => bus.Publish(e)));

        await ServiceHost.WaitUntilAsync(async () => await Readback.CountAsync(database, "SELECT count(*) FROM applied") >= 100);
        var queue = new KebabCaseEndpointNameFormatter(prefix, includeNamespace: false).Consumer<InboxBatchConsumer>();
        var faulted = await infrastructure.RabbitMq.GetAsync($"{queue}_error");

        Assert.Equal(MessageLimit, sink.Sizes.Max());
        Assert.Equal(100, await Readback.CountAsync(database, "SELECT count(DISTINCT event_id) FROM applied"));
        Assert.Equal(100, await Readback.CountAsync(database, "SELECT count(*) FROM applied"));
        Assert.Equal("malformed", ContactRated.Parser.ParseJson(System.Text.Json.JsonDocument.Parse(faulted.Body.ToArray()).RootElement.GetProperty("message").GetRawText()).ContactId);
        Assert.Null(await infrastructure.RabbitMq.TryGetAsync($"{queue}_error"));
        // Each event keeps the trace it was published in, though a batch is consumed in one.
        var traces = sink.TraceParents.Where(t => t.Key != "malformed").Select(t => ActivityContext.Parse(t.Value!, null).TraceId).ToList();
        Assert.Equal(100, traces.Distinct().Count());
    }

    [Fact]
    public async Task A_batch_consumer_writes_no_more_batches_at_once_than_its_share_of_the_pool()
    {
        var prefix = $"sdtests-share-{Guid.NewGuid():N}"[..24];
        var configuration = Configuration(prefix);
        // A pool of 4 spares 2 beside the outbox and health checks, 1 of them for the one endpoint's consumer.
        configuration["ServiceDefaults:Postgres:MaxPoolSize"] = "4";
        configuration["ServiceDefaults:EventBatches:MessageLimit"] = "5";
        configuration["ServiceDefaults:EventBatches:TimeLimit"] = "00:00:00.050";
        configuration["ServiceDefaults:EventBatches:ConcurrencyLimit"] = "2";
        var overlap = new OverlapGauge();
        await using var consumer = await ServiceHost.StartAsync(configuration, b =>
        {
            b.Services.AddSingleton(overlap);
            b.AddMashBus(bus => bus.AddEventBatchConsumer<SlowBatchConsumer>());
        });
        await consumer.WaitUntilHealthyAsync();

        var bus = consumer.Services.GetRequiredService<IBus>();
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => bus.Publish(new ContactRated { ContactId = $"event-{i}" })));
        await ServiceHost.WaitUntilAsync(() => overlap.Consumed >= 20);

        Assert.Equal(1, consumer.Services.GetRequiredService<ConsumerBudget>().ConcurrentMessageLimit);
        Assert.Equal(1, overlap.MostAtOnce);
    }

    /// <summary>A host wired as a service is: its schema migrated at start (consumers wait for it), its data source from AddServiceDatabase.</summary>
    private async Task<ServiceHost> StartConsumerAsync(string prefix, string database, BatchSink sink)
    {
        var configuration = Configuration(prefix);
        configuration["ConnectionStrings:postgres"] = database;
        configuration["ServiceDefaults:EventBatches:MessageLimit"] = MessageLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        configuration["ServiceDefaults:EventBatches:TimeLimit"] = "00:00:02";
        configuration["ServiceDefaults:EventBatches:ConcurrencyLimit"] = "1";
        var host = await ServiceHost.StartAsync(configuration, b =>
        {
            b.Services.AddSingleton(sink);
            b.AddDatabaseMigrations([EventInbox.Migration, new Migration(1, "create_applied", "CREATE TABLE applied (event_id text NOT NULL)")]);
            b.AddMashBus(bus => bus.AddEventBatchConsumer<InboxBatchConsumer>());
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

/// <summary>The size of every batch an InboxBatchConsumer was handed.</summary>
public sealed class BatchSink
{
    public ConcurrentQueue<int> Sizes { get; } = new();

    /// <summary>Each event's trace, as <see cref="EventBatches.TraceParentOf"/> read it.</summary>
    public ConcurrentDictionary<string, string?> TraceParents { get; } = new();
}

/// <summary>Applies each event (its contact id standing for its event id) once, a batch at a time, refusing a malformed one, as the services do.</summary>
public sealed class InboxBatchConsumer(NpgsqlDataSource dataSource, BatchSink sink) : IConsumer<Batch<ContactRated>>
{
    public Task Consume(ConsumeContext<Batch<ContactRated>> context)
    {
        sink.Sizes.Enqueue(context.Message.Length);
        foreach (var delivery in context.Message)
        {
            sink.TraceParents[delivery.Message.ContactId] = EventBatches.TraceParentOf(delivery);
        }
        return EventBatches.ApplyAsync(context,
            delivery => delivery.Message.ContactId == "malformed" ? throw new InvalidOperationException("A malformed event.") : delivery.Message.ContactId,
            ids => EventInbox.ApplyNewAsync(dataSource, nameof(InboxBatchConsumer), ids, id => id, async (transaction, fresh) =>
            {
                await using var command = new NpgsqlCommand("INSERT INTO applied (event_id) SELECT unnest($1::text[])", transaction.Connection, transaction);
                command.Parameters.Add(new() { Value = fresh.ToArray() });
                await command.ExecuteNonQueryAsync();
            }, context.CancellationToken));
    }
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

public sealed class SlowBatchConsumer(OverlapGauge gauge) : IConsumer<Batch<ContactRated>>
{
    public Task Consume(ConsumeContext<Batch<ContactRated>> context) => gauge.HoldAsync(context.Message.Length);
}

