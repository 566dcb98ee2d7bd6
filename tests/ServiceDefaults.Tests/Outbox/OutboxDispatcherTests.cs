using Mash.ServiceDefaults.Tests.Infrastructure;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Mash.ServiceDefaults.Tests;

/// <summary>
/// The dispatcher of a real service, publishing through RabbitMQ: it holds events back while the
/// service writes more, and publishes every event, whatever order the writers commit in.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class OutboxDispatcherTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task An_event_waits_while_a_write_is_under_way_and_leaves_when_it_ends()
    {
        var sink = new EventSink();
        await using var host = await StartAsync(sink, maxYield: "00:05:00");
        var dispatcher = host.Dispatcher();
        var write = host.Services.GetRequiredService<EventOutbox>().BeginWrite();
        var sent = BusTests.SampleEvent();

        await host.AddEventAsync(sent);
        // Two more waits after the commit: the dispatcher has seen the event and held it back.
        var heldBack = dispatcher.HeldBack;
        await ServiceHost.WaitUntilAsync(() => dispatcher.HeldBack >= heldBack + 2);
        var waiting = await host.CountOutboxAsync();
        var receivedMeanwhile = sink.Received.Task.IsCompleted;
        write.Dispose();
        var received = await sink.Received.Task.WaitAsync(ServiceHost.HangGuard);

        Assert.Equal(1, waiting);
        Assert.False(receivedMeanwhile);
        Assert.Equal(sent, received);
        await ServiceHost.WaitUntilAsync(async () => await host.CountOutboxAsync() == 0);
    }

    [Fact]
    public async Task An_event_leaves_after_MaxYield_even_while_writes_go_on()
    {
        var sink = new EventSink();
        await using var host = await StartAsync(sink, maxYield: "00:00:00.300");
        var dispatcher = host.Dispatcher();
        using var write = host.Services.GetRequiredService<EventOutbox>().BeginWrite();
        var sent = BusTests.SampleEvent();

        await host.AddEventAsync(sent);
        var received = await sink.Received.Task.WaitAsync(ServiceHost.HangGuard);

        Assert.Equal(sent, received);
        Assert.True(dispatcher.HeldBack > 0);
    }

    [Fact]
    public async Task An_event_committed_after_a_later_one_was_published_is_still_published()
    {
        var sink = new EventSink(expected: 2);
        await using var host = await StartAsync(sink, maxYield: "00:00:00");
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        var outbox = host.Services.GetRequiredService<EventOutbox>();
        var (earlier, later) = (BusTests.SampleEvent(), BusTests.SampleEvent());

        // The earlier event takes the lower id but commits second, after the later one has left.
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await outbox.AddAsync(transaction, earlier);
        await host.AddEventAsync(later);
        await ServiceHost.WaitUntilAsync(() => sink.All.Count == 1);
        await transaction.CommitAsync();
        outbox.Wake();
        await sink.AllReceived.Task.WaitAsync(ServiceHost.HangGuard);

        Assert.Equal([later, earlier], sink.All);
    }

    [Fact]
    public async Task A_negative_MaxYield_stops_the_service_at_start()
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new EventSink(), maxYield: "-00:00:01"));

        Assert.Contains(OutboxOptions.Requirement, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_written_within_the_linger_after_a_wake_leave_as_one_message()
    {
        var sink = new EventSink(expected: 3);
        var linger = new LingerGate(TimeSpan.FromSeconds(4.777));
        await using var host = await StartAsync(sink, maxYield: "00:00:00", linger: "00:00:04.777", time: linger);

        // The first wakes the dispatcher (before it commits), which lingers until the test lets it go:
        // the others are written meanwhile, however slow the machine.
        await host.AddEventAsync(new Events.ContactRated { ContactId = "event-0" });
        await linger.Entered.Task.WaitAsync(ServiceHost.HangGuard);
        await host.AddEventAsync(new Events.ContactRated { ContactId = "event-1" });
        await host.AddEventAsync(new Events.ContactRated { ContactId = "event-2" });
        linger.Release();
        await sink.AllReceived.Task.WaitAsync(ServiceHost.HangGuard);

        Assert.Equal([3], sink.BatchSizes);
        Assert.Equal([1, 1, 1], sink.RowSizes);
    }

    [Fact]
    public async Task A_batch_RabbitMQ_never_confirms_stays_in_the_outbox_and_is_published_again()
    {
        var sink = new EventSink();
        var firstPublishHangs = new FirstPublishHangs();
        await using var host = await StartAsync(sink, maxYield: "00:00:00", publishTimeout: "00:00:01", publishObserver: firstPublishHangs);
        var sent = BusTests.SampleEvent();

        await host.AddEventAsync(sent);
        var received = await sink.Received.Task.WaitAsync(ServiceHost.HangGuard);

        Assert.True(firstPublishHangs.Hung);
        Assert.Equal(1, host.Dispatcher().TimedOut);
        Assert.Equal(sent, received);
        await ServiceHost.WaitUntilAsync(async () => await host.CountOutboxAsync() == 0);
    }

    [Theory]
    [InlineData(nameof(EventOutbox.CopyRangeAsync), (2 * EventOutbox.PackSize) + 88, new[] { 88, EventOutbox.PackSize, EventOutbox.PackSize })]
    [InlineData(nameof(EventOutbox.AddRangeCommand), EventOutbox.PackSize + 10, new[] { 10, EventOutbox.PackSize })]
    public async Task Events_written_many_at_once_are_packed_a_run_to_a_row_counted_each_and_published_a_row_a_message(string writtenWith, int written, int[] rowSizes)
    {
        var sink = new EventSink(expected: written);
        await using var host = await StartAsync(sink, maxYield: "00:05:00");
        var sent = Enumerable.Range(0, written).Select(_ => BusTests.SampleEvent()).ToArray();

        // Held back while the write is open, so the backlog is read before anything leaves.
        var write = host.Services.GetRequiredService<EventOutbox>().BeginWrite();
        await using (var connection = await host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync())
        {
            await WriteAsync(connection, writtenWith, sent);
            var rows = await host.CountOutboxAsync();
            var backlog = await OutboxBacklog.ReadAsync(connection, outbox: null, CancellationToken.None);

            Assert.Equal(rowSizes.Length, rows);
            Assert.Equal(written, backlog.Waiting);
        }
        write.Dispose();
        await sink.AllReceived.Task.WaitAsync(ServiceHost.HangGuard);

        Assert.Equal(rowSizes.Order(), sink.BatchSizes.Order());
        Assert.Equal(rowSizes.Order(), sink.RowSizes.Order());
        Assert.Equal(sent.Select(e => e.ContactId).Order(), sink.All.Select(e => e.ContactId).Order());
        await ServiceHost.WaitUntilAsync(async () => await host.CountOutboxAsync() == 0);
    }

    [Fact]
    public async Task A_PublishTimeout_under_a_second_stops_the_service_at_start()
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new EventSink(), maxYield: "00:00:00", publishTimeout: "00:00:00.500"));

        Assert.Contains(OutboxOptions.Requirement, ex.Message, StringComparison.Ordinal);
    }

    /// <summary>Writes <paramref name="sent"/> in one transaction, by COPY or in one statement.</summary>
    private static async Task WriteAsync(NpgsqlConnection connection, string writtenWith, Events.ContactRated[] sent)
    {
        if (writtenWith == nameof(EventOutbox.CopyRangeAsync))
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await EventOutbox.CopyRangeAsync(connection, sent, [.. sent.Select(e => $"00-{Guid.NewGuid():N}-0000000000000001-01")]);
            await transaction.CommitAsync();
            return;
        }
        await using var batch = new NpgsqlBatch(connection) { BatchCommands = { EventOutbox.AddRangeCommand(sent) } };
        await batch.ExecuteNonQueryAsync();
    }

    /// <summary>As RabbitMQ.Client can after a broker restart: the first publish waits for a confirm that never comes, deaf to cancellation.</summary>
    private sealed class FirstPublishHangs : IPublishObserver
    {
        private int publishes;

        public bool Hung => Volatile.Read(ref publishes) > 1;

        public Task PrePublish<T>(PublishContext<T> context) where T : class =>
            Interlocked.Increment(ref publishes) == 1 ? new TaskCompletionSource().Task : Task.CompletedTask;

        public Task PostPublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

        public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;
    }

    /// <summary>The system's clock and timers, but a delay of exactly <paramref name="linger"/> ends only when the test releases it.</summary>
    private sealed class LingerGate(TimeSpan linger) : TimeProvider
    {
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => released.TrySetResult();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            if (dueTime != linger)
            {
                return base.CreateTimer(callback, state, dueTime, period);
            }
            var timer = base.CreateTimer(callback, state, Timeout.InfiniteTimeSpan, period);
            Entered.TrySetResult();
            released.Task.ContinueWith(_ => timer.Change(TimeSpan.Zero, period), TaskScheduler.Default);
            return timer;
        }
    }

    private async Task<ServiceHost> StartAsync(EventSink sink, string maxYield, string linger = "00:00:00", TimeProvider? time = null,
        string publishTimeout = "00:00:30", FirstPublishHangs? publishObserver = null)
    {
        var database = await infrastructure.Postgres.CreateDatabaseAsync("outbox");
        var host = await ServiceHost.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:postgres"] = infrastructure.Postgres.ConnectionString(database),
            ["ConnectionStrings:rabbitmq"] = infrastructure.RabbitMq.ConnectionString,
            ["ServiceDefaults:Bus:EndpointPrefix"] = $"sdtests-outbox-{Guid.NewGuid():N}"[..28],
            ["ServiceDefaults:Outbox:MaxYield"] = maxYield,
            ["ServiceDefaults:Outbox:Linger"] = linger,
            ["ServiceDefaults:Outbox:PublishTimeout"] = publishTimeout,
        }, b =>
        {
            b.Services.AddSingleton(sink);
            if (time is not null)
            {
                b.Services.AddSingleton(time);
            }
            if (publishObserver is not null)
            {
                b.Services.AddPublishObserver(_ => publishObserver);
            }
            b.AddDatabaseMigrations(EventOutbox.Migrations);
            b.AddMashBus(bus => bus.AddConsumer<BatchRecordingConsumer>());
            b.AddEventOutbox();
        });
        await host.WaitUntilHealthyAsync();
        return host;
    }
}
