using Mash.Testing.Servers;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Mash.ServiceDefaults.Tests.Events;
using Mash.ServiceDefaults.Tests.Infrastructure;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Mash.ServiceDefaults.Tests;

/// <summary>Protobuf events through a real RabbitMQ, from one host's bus to another's consumer.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class BusTests(InfrastructureFixture infrastructure)
{
    internal static ContactRated SampleEvent() => new()
    {
        ContactId = $"contact-{Guid.NewGuid():N}",
        OccurredAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2024, 3, 5, 9, 30, 15, 123, TimeSpan.Zero)),
        Rating = RagRating.Red,
        Issues =
        {
            new PresentingIssue { Code = "NEGLECT", Note = "seen by school nurse" },
            new PresentingIssue { Code = "DOMESTIC_ABUSE" },
        },
        Agencies = { "police", "health" },
        Labels = { ["source"] = "portal", ["priority"] = "high" },
        NoFurtherActionReason = "already known to social care",
        TimeToRate = Duration.FromTimeSpan(TimeSpan.FromMinutes(42)),
        Practitioner = "p-17",
        Sequence = 9_007_199_254_740_993, // beyond a double's exact range: protobuf JSON carries int64 as a string
        Fingerprint = ByteString.CopyFrom(1, 2, 3, 254, 255),
    };

    private Dictionary<string, string?> BusConfiguration(string prefix, int retryLimit = 5) => new()
    {
        ["ConnectionStrings:rabbitmq"] = infrastructure.RabbitMq.ConnectionString,
        ["ServiceDefaults:Bus:EndpointPrefix"] = prefix,
        ["ServiceDefaults:Bus:RetryLimit"] = retryLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ServiceDefaults:Bus:RetryInitialInterval"] = "00:00:00.010",
        ["ServiceDefaults:Bus:RetryIncrement"] = "00:00:00.010",
    };

    [Fact]
    public async Task A_published_protobuf_event_reaches_a_consumer_in_another_host_intact()
    {
        var sink = new EventSink();
        await using var consumer = await ServiceHost.StartAsync(BusConfiguration($"sdtests-consumer-{Guid.NewGuid():N}"[..28]), b =>
        {
            b.Services.AddSingleton(sink);
            b.AddMashBus(bus => bus.AddConsumer<RecordingConsumer>());
        });
        await using var publisher = await ServiceHost.StartAsync(BusConfiguration($"sdtests-publisher-{Guid.NewGuid():N}"[..28]), b => b.AddMashBus());
        var consumerHealth = await consumer.WaitUntilHealthyAsync();
        await publisher.WaitUntilHealthyAsync();

        var sent = SampleEvent();
        await publisher.Services.GetRequiredService<IBus>().Publish(sent);
        var received = await sink.Received.Task.WaitAsync(ServiceHost.HangGuard);

        var exchanges = await infrastructure.RabbitMq.CtlAsync("list_exchanges", "name");
        Assert.Equal("Healthy", consumerHealth.CheckStatus("masstransit-bus"));
        Assert.Equal(sent, received); // protobuf equality: every field, repeated, map, oneof case, well-known types
        Assert.Equal(ContactRated.DecisionOneofCase.NoFurtherActionReason, received.DecisionCase);
        Assert.Equal(2, received.Issues.Count);
        Assert.Equal(sent.OccurredAt, received.OccurredAt);
        // An exchange for the event type; none for the Google.Protobuf interfaces it implements.
        Assert.Contains("Mash.ServiceDefaults.Tests.Events:ContactRated", exchanges, StringComparison.Ordinal);
        Assert.DoesNotContain("Google.Protobuf", exchanges, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_batch_reaches_a_consumer_intact_through_an_exchange_named_for_its_event_type()
    {
        var sink = new EventSink(expected: 2);
        await using var consumer = await ServiceHost.StartAsync(BusConfiguration($"sdtests-batches-{Guid.NewGuid():N}"[..28]), b =>
        {
            b.Services.AddSingleton(sink);
            b.AddMashBus(bus => bus.AddConsumer<BatchRecordingConsumer>());
        });
        await consumer.WaitUntilHealthyAsync();

        var sent = EventBatch.Of(SampleEvent(), SampleEvent());
        await consumer.Services.GetRequiredService<IBus>().Publish(sent);
        await sink.AllReceived.Task.WaitAsync(ServiceHost.HangGuard);

        var exchanges = (await infrastructure.RabbitMq.CtlAsync("list_exchanges", "name")).Split('\n');
        Assert.Equal(sent.Events, sink.All);
        Assert.Contains(exchanges, e => e.Contains("EventBatch", StringComparison.Ordinal) && e.Contains("ContactRated", StringComparison.Ordinal));
        Assert.DoesNotContain(exchanges, e => e.Contains("Google.Protobuf", StringComparison.Ordinal) || e.Contains("IEquatable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_message_whose_consumer_keeps_failing_is_retried_then_moved_to_the_error_queue()
    {
        var prefix = $"sdtests-fault-{Guid.NewGuid():N}"[..24];
        var counter = new FailureCounter();
        await using var consumer = await ServiceHost.StartAsync(BusConfiguration(prefix, retryLimit: 2), b =>
        {
            b.Services.AddSingleton(counter);
            b.AddMashBus(bus => bus.AddConsumer<AlwaysFailingConsumer>());
        });
        await consumer.WaitUntilHealthyAsync();

        var sent = SampleEvent();
        await consumer.Services.GetRequiredService<IBus>().Publish(sent);
        var queue = new KebabCaseEndpointNameFormatter(prefix, includeNamespace: false).Consumer<AlwaysFailingConsumer>();
        var faulted = await infrastructure.RabbitMq.GetAsync($"{queue}_error");

        Assert.Equal(3, counter.Attempts); // the first delivery and two retries
        Assert.Equal("System.InvalidOperationException", Encoding.UTF8.GetString((byte[])faulted.BasicProperties.Headers!["MT-Fault-ExceptionType"]!));
        // MassTransit's envelope around canonical protobuf JSON.
        using var envelope = JsonDocument.Parse(faulted.Body.ToArray());
        var message = envelope.RootElement.GetProperty("message");
        Assert.Equal(sent.ContactId, message.GetProperty("contactId").GetString());
        Assert.Equal("2024-03-05T09:30:15.123Z", message.GetProperty("occurredAt").GetString());
        Assert.Equal("RAG_RATING_RED", message.GetProperty("rating").GetString());
        Assert.Equal("9007199254740993", message.GetProperty("sequence").GetString());
        Assert.Equal(sent, ContactRated.Parser.ParseJson(message.GetRawText()));
    }

    [Fact]
    public async Task Consumers_hold_messages_until_the_schema_migrations_are_applied()
    {
        const long advisoryLockKey = 0x4D4153484D494752; // the migration runner's
        var prefix = $"sdtests-migrating-{Guid.NewGuid():N}"[..28];
        var database = await infrastructure.Postgres.CreateDatabaseAsync("bus");
        await using var holder = new Npgsql.NpgsqlConnection(infrastructure.Postgres.ConnectionString(database) + ";Pooling=false");
        await holder.OpenAsync();
        await using (var lockCommand = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_lock({advisoryLockKey})", holder))
        {
            await lockCommand.ExecuteNonQueryAsync();
        }

        var sink = new PhaseSink();
        var configuration = BusConfiguration(prefix);
        configuration["ConnectionStrings:postgres"] = infrastructure.Postgres.ConnectionString(database);
        await using var consumer = await ServiceHost.StartAsync(configuration, b =>
        {
            b.Services.AddSingleton(sink);
            b.AddDatabaseMigrations(new Migration(1, "create_ratings", "CREATE TABLE ratings (id text PRIMARY KEY)"));
            b.AddMashBus(bus => bus.AddConsumer<PhaseRecordingConsumer>());
        });
        await consumer.WaitForHealthAsync(h => h.CheckStatus("masstransit-bus") == "Healthy" && h.Description("postgres-migrations") == "migrating");
        await consumer.Services.GetRequiredService<IBus>().Publish(SampleEvent());

        // Delivered to the consumer's replica, and held there unacknowledged.
        var queue = new KebabCaseEndpointNameFormatter(prefix, includeNamespace: false).Consumer<PhaseRecordingConsumer>();
        await ServiceHost.WaitUntilAsync(async () => (await infrastructure.RabbitMq.CtlAsync("list_queues", "name", "messages_unacknowledged"))
            .Split('\n').Any(line => line.StartsWith(queue + "\t", StringComparison.Ordinal) && line.EndsWith("\t1", StringComparison.Ordinal)));
        var consumedWhileMigrating = sink.Phases.Count;

        await using (var unlockCommand = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_unlock({advisoryLockKey})", holder))
        {
            await unlockCommand.ExecuteNonQueryAsync();
        }
        var phase = await sink.Consumed.Task.WaitAsync(ServiceHost.HangGuard);

        Assert.Equal(0, consumedWhileMigrating);
        Assert.Equal(MigrationPhase.Completed, phase);
    }
}

/// <summary>What a RecordingConsumer got: the first event, and every event in the order they came.</summary>
public sealed class EventSink(int expected = 1)
{
    private readonly List<ContactRated> all = [];

    public TaskCompletionSource<ContactRated> Received { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How many events each batch a BatchRecordingConsumer got held, in order.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<int> BatchSizes { get; } = new();

    /// <summary>How many events each outbox row a BatchRecordingConsumer got held, as its batches said.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<int> RowSizes { get; } = new();

    /// <summary>Completes once <c>expected</c> events have come.</summary>
    public TaskCompletionSource AllReceived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<ContactRated> All
    {
        get
        {
            lock (all)
            {
                return [.. all];
            }
        }
    }

    public void Add(ContactRated message)
    {
        Received.TrySetResult(message);
        lock (all)
        {
            all.Add(message);
            if (all.Count >= expected)
            {
                AllReceived.TrySetResult();
            }
        }
    }
}

public sealed class RecordingConsumer(EventSink sink) : IConsumer<ContactRated>
{
    public Task Consume(ConsumeContext<ContactRated> context)
    {
        sink.Add(context.Message);
        return Task.CompletedTask;
    }
}

/// <summary>Adds each event of every batch to the sink, in order.</summary>
public sealed class BatchRecordingConsumer(EventSink sink) : IConsumer<EventBatch<ContactRated>>
{
    public Task Consume(ConsumeContext<EventBatch<ContactRated>> context)
    {
        sink.BatchSizes.Enqueue(context.Message.Bodies.Count);
        foreach (var (_, count) in context.Message.RowRanges())
        {
            sink.RowSizes.Enqueue(count);
        }
        foreach (var message in context.Message.Events)
        {
            sink.Add(message);
        }
        return Task.CompletedTask;
    }
}

public sealed class PhaseSink
{
    public System.Collections.Concurrent.ConcurrentQueue<MigrationPhase> Phases { get; } = new();
    public TaskCompletionSource<MigrationPhase> Consumed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>Records where the migrations were when it got the message.</summary>
public sealed class PhaseRecordingConsumer(PhaseSink sink, DatabaseMigrationStatus migrations) : IConsumer<ContactRated>
{
    public Task Consume(ConsumeContext<ContactRated> context)
    {
        sink.Phases.Enqueue(migrations.Phase);
        sink.Consumed.TrySetResult(migrations.Phase);
        return Task.CompletedTask;
    }
}

public sealed class FailureCounter
{
    private int attempts;

    public int Attempts => Volatile.Read(ref attempts);

    public void Increment() => Interlocked.Increment(ref attempts);
}

public sealed class AlwaysFailingConsumer(FailureCounter counter) : IConsumer<ContactRated>
{
    public Task Consume(ConsumeContext<ContactRated> context)
    {
        counter.Increment();
        throw new InvalidOperationException("Failing on purpose.");
    }
}
