using Mash.ServiceDefaults.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Mash.ServiceDefaults.Tests;

/// <summary>
/// An idle dispatcher polls only every IdlePollInterval, yet an event written then leaves at once:
/// the write wakes it, even when the wake comes before the writer's commit (EventOutbox.AddAsync).
/// Here the idle poll is five minutes, longer than the tests wait for anything.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class OutboxIdleTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task An_event_written_while_the_dispatcher_is_idle_is_published_without_waiting_for_the_idle_poll()
    {
        var sink = new EventSink(expected: 2);
        await using var host = await StartAsync(sink);
        var dispatcher = host.Dispatcher();
        var (first, second) = (BusTests.SampleEvent(), BusTests.SampleEvent());

        // Past its busy window: from now on it polls only every five minutes unless woken.
        await Task.Delay(OutboxDispatcher.BusyWindow + TimeSpan.FromMilliseconds(500));
        var batchesWhileIdle = dispatcher.Batches;
        await host.AddEventAsync(first);
        await ServiceHost.WaitUntilAsync(() => sink.All.Count == 1);

        // Idle again, then a transaction that wakes it before committing (AddAsync wakes as it
        // writes): the dispatcher keeps looking for a while after a wake, and finds it.
        await Task.Delay(OutboxDispatcher.BusyWindow + TimeSpan.FromMilliseconds(500));
        await using (var connection = await host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await host.Services.GetRequiredService<EventOutbox>().AddAsync(transaction, second);
            await Task.Delay(300);
            await transaction.CommitAsync();
        }
        await sink.AllReceived.Task.WaitAsync(ServiceHost.HangGuard);

        Assert.Equal([first, second], sink.All);
        Assert.True(dispatcher.Batches > batchesWhileIdle);
    }

    [Fact]
    public async Task An_idle_poll_interval_outside_its_range_stops_the_service_at_start()
    {
        var ex = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => StartAsync(new EventSink(), idlePoll: "00:00:00"));

        Assert.Contains(OutboxOptions.Requirement, ex.Message, StringComparison.Ordinal);
    }

    private async Task<ServiceHost> StartAsync(EventSink sink, string idlePoll = "00:05:00")
    {
        var database = await infrastructure.Postgres.CreateDatabaseAsync("outboxidle");
        var host = await ServiceHost.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:postgres"] = infrastructure.Postgres.ConnectionString(database),
            ["ConnectionStrings:rabbitmq"] = infrastructure.RabbitMq.ConnectionString,
            ["ServiceDefaults:Bus:EndpointPrefix"] = $"sdtests-idle-{Guid.NewGuid():N}"[..28],
            ["ServiceDefaults:Outbox:IdlePollInterval"] = idlePoll,
        }, b =>
        {
            b.Services.AddSingleton(sink);
            b.AddDatabaseMigrations(EventOutbox.Migrations);
            b.AddMashBus(bus => bus.AddConsumer<BatchRecordingConsumer>());
            b.AddEventOutbox();
        });
        await host.WaitUntilHealthyAsync();
        return host;
    }
}
