using Mash.ServiceDefaults.Tests.Events;
using Mash.ServiceDefaults.Tests.Infrastructure;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Mash.ServiceDefaults.Tests;

/// <summary>
/// The dispatcher publishes no faster than the consumers of its events take them
/// (ServiceDefaults:Outbox:PaceQueues): while a consumed queue is full, events wait in the outbox,
/// where their writer sees them; a queue nobody consumes is not waited for.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class OutboxPacingTests(InfrastructureFixture infrastructure)
{
    private const int MaxQueuedBatches = 2;
    private const int Events = 20;

    [Fact]
    public async Task While_the_consumer_is_behind_events_wait_in_the_outbox_and_all_arrive_once_it_catches_up()
    {
        var prefix = $"sdtests-pace-{Guid.NewGuid():N}"[..24];
        var queue = new KebabCaseEndpointNameFormatter(prefix, includeNamespace: false).Consumer<GatedConsumer>();
        var gate = new ConsumerGate();
        await using var host = await StartAsync(prefix, queue, gate);

        // One event a batch: each written once the dispatcher has taken the one before, or paused.
        for (var i = 0; i < Events; i++)
        {
            await host.AddEventAsync(new ContactRated { ContactId = $"event-{i}" });
            await Task.Delay(OutboxDispatcher.PaceInterval * 2);
        }
        // What the writer sees: the events the dispatcher holds. It is the latest sample brought up
        // to date, and an event written while the sample counted is in both, so it may be one
        // ahead until the next sample.
        var outboxWaiting = host.Services.GetRequiredService<OutboxWaiting>();
        await ServiceHost.WaitUntilAsync(async () => outboxWaiting.Events == await host.CountOutboxAsync());
        var ready = await infrastructure.RabbitMq.MessagesInAsync(queue);
        var waiting = await host.CountOutboxAsync();
        var paced = host.Dispatcher().PacedBack;
        gate.Open();
        await ServiceHost.WaitUntilAsync(() => gate.Consumed.Count >= Events);

        Assert.True(paced > 0);
        // The consumer holds one; the queue a few more, at most what one probe's answer let through.
        Assert.InRange(ready, (uint)MaxQueuedBatches, (uint)MaxQueuedBatches + 3);
        Assert.True(waiting >= Events - MaxQueuedBatches - 5, $"{waiting} events waited in the outbox.");
        Assert.Equal(Enumerable.Range(0, Events).Select(i => $"event-{i}").Order(), gate.Consumed.Order());
        await ServiceHost.WaitUntilAsync(async () => await host.CountOutboxAsync() == 0);
    }

    [Fact]
    public async Task A_queue_nobody_consumes_is_not_waited_for()
    {
        var prefix = $"sdtests-pace-{Guid.NewGuid():N}"[..24];
        var gate = new ConsumerGate();
        gate.Open();
        await using var host = await StartAsync(prefix, $"{prefix}-nobody-consumes", gate);

        for (var i = 0; i < Events; i++)
        {
            await host.AddEventAsync(new ContactRated { ContactId = $"event-{i}" });
        }
        await ServiceHost.WaitUntilAsync(() => gate.Consumed.Count >= Events);

        Assert.Equal(0, host.Dispatcher().PacedBack);
    }

    private async Task<ServiceHost> StartAsync(string prefix, string pacedQueue, ConsumerGate gate)
    {
        var database = await infrastructure.Postgres.CreateDatabaseAsync("outboxpace");
        var host = await ServiceHost.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:postgres"] = infrastructure.Postgres.ConnectionString(database),
            ["ConnectionStrings:rabbitmq"] = infrastructure.RabbitMq.ConnectionString,
            ["ServiceDefaults:Bus:EndpointPrefix"] = prefix,
            ["ServiceDefaults:Bus:ConcurrentMessageLimit"] = "1",
            ["ServiceDefaults:Bus:PrefetchCount"] = "1",
            ["ServiceDefaults:Outbox:MaxYield"] = "00:00:00",
            ["ServiceDefaults:Outbox:PaceQueues:0"] = pacedQueue,
            ["ServiceDefaults:Outbox:MaxQueuedBatches"] = $"{MaxQueuedBatches}",
        }, b =>
        {
            b.Services.AddSingleton(gate);
            b.AddDatabaseMigrations(EventOutbox.Migrations);
            b.AddMashBus(bus => bus.AddConsumer<GatedConsumer>());
            b.AddEventOutbox();
        });
        await host.WaitUntilHealthyAsync();
        return host;
    }



}

/// <summary>Holds every batch until opened; then records each event's contact id.</summary>
public sealed class ConsumerGate
{
    private readonly TaskCompletionSource open = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public System.Collections.Concurrent.ConcurrentQueue<string> Consumed { get; } = new();

    public void Open() => open.TrySetResult();

    public Task WaitAsync() => open.Task;
}

public sealed class GatedConsumer(ConsumerGate gate) : IConsumer<EventBatch<ContactRated>>
{
    public async Task Consume(ConsumeContext<EventBatch<ContactRated>> context)
    {
        await gate.WaitAsync();
        foreach (var message in context.Message.Events)
        {
            gate.Consumed.Enqueue(message.ContactId);
        }
    }
}
