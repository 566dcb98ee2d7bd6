using Mash.ServiceDefaults.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Mash.ServiceDefaults.Tests.Operations;

/// <summary>
/// The outbox's backlog as a metric and in health, from a real service's outbox: events held back
/// show as waiting and ageing, the outbox turns Degraded once the oldest is older than the bound,
/// and both return to normal when the events have left.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class OutboxBacklogTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Events_held_in_the_outbox_are_counted_aged_and_degrade_health_past_the_bound_until_they_leave()
    {
        var sink = new EventSink(expected: 2);
        var database = await infrastructure.Postgres.CreateDatabaseAsync("backlog");
        await using var host = await ServiceHost.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:postgres"] = infrastructure.Postgres.ConnectionString(database),
            ["ConnectionStrings:rabbitmq"] = infrastructure.RabbitMq.ConnectionString,
            ["ServiceDefaults:Bus:EndpointPrefix"] = $"sdtests-backlog-{Guid.NewGuid():N}"[..28],
            // Held back for as long as the test's write is open.
            ["ServiceDefaults:Outbox:MaxYield"] = "00:05:00",
            ["ServiceDefaults:Health:SampleInterval"] = "00:00:00.100",
            ["ServiceDefaults:Health:OutboxMaxAge"] = "00:00:01",
        }, b =>
        {
            b.Services.AddSingleton(sink);
            b.AddDatabaseMigrations(EventOutbox.Migrations);
            b.AddMashBus(bus => bus.AddConsumer<BatchRecordingConsumer>());
            b.AddEventOutbox();
        });
        var healthy = await host.WaitForHealthAsync(h => h.Description(OutboxHealthCheck.Name) == "0 events waiting");
        using var gauges = new GaugeReader(host);
        var emptyBacklog = gauges.ReadOne(OperationsMetrics.BacklogInstrument);
        var emptyAge = gauges.ReadOne(OperationsMetrics.OldestAgeInstrument);

        var write = host.Services.GetRequiredService<EventOutbox>().BeginWrite();
        await AddEventsAsync(host, BusTests.SampleEvent(), BusTests.SampleEvent());
        var degraded = await host.WaitForHealthAsync(h => h.CheckStatus(OutboxHealthCheck.Name) == "Degraded");
        var backlog = gauges.ReadOne(OperationsMetrics.BacklogInstrument);
        var age = gauges.ReadOne(OperationsMetrics.OldestAgeInstrument);

        write.Dispose();
        await sink.AllReceived.Task.WaitAsync(ServiceHost.HangGuard);
        var drained = await host.WaitForHealthAsync(h => h.Description(OutboxHealthCheck.Name) == "0 events waiting");
        await ServiceHost.WaitUntilAsync(() => gauges.ReadOne(OperationsMetrics.BacklogInstrument) == 0);

        Assert.Equal("Healthy", healthy.CheckStatus(OutboxHealthCheck.Name));
        Assert.Equal(0, emptyBacklog);
        Assert.Equal(0, emptyAge);
        Assert.Equal(System.Net.HttpStatusCode.OK, degraded.Status); // a backlog slows events, it does not make the service unready
        Assert.StartsWith("2 events waiting, the oldest for ", degraded.Description(OutboxHealthCheck.Name), StringComparison.Ordinal);
        Assert.Equal(2, backlog);
        Assert.True(age > 1, $"oldest age {age}");
        Assert.Equal("Healthy", drained.CheckStatus(OutboxHealthCheck.Name));
        Assert.Equal(0, gauges.ReadOne(OperationsMetrics.OldestAgeInstrument));
    }

    private static async Task AddEventsAsync(ServiceHost host, params Events.ContactRated[] events)
    {
        await using var connection = await host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var sent in events)
        {
            await host.Services.GetRequiredService<EventOutbox>().AddAsync(transaction, sent);
        }
        await transaction.CommitAsync();
    }
}
