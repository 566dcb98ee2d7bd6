using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Timeliness.V1;
using Mash.ServiceDefaults;
using Mash.Testing.Identity;
using Mash.Testing.Services;
using Mash.Timeliness.Grpc;
using Microsoft.AspNetCore.Builder;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mash.Timeliness.Tests.Messaging;

/// <summary>
/// Timeliness as Program.cs builds it (AddServiceDefaults, AddTimeliness: migrations, RabbitMQ, the
/// snapshot service) on real servers: Intake's and Triage's events off the bus reach the backlog
/// (T3), response times (T2) and incident to completion (T5), and the current slot's snapshot is taken.
/// </summary>
public sealed class ReportsOnTheBusTests : IAsyncLifetime
{
    private readonly ServerSet servers = new("mash-timeliness-bus-tests-");
    private readonly string agency = $"police-{Guid.NewGuid():N}";
    private readonly Metadata board = TestTokens.Bearer(TestTokens.For("board-1", MashRoles.BoardMember));
    private GrpcTestHost host = null!;

    private TimelinessService.TimelinessServiceClient Client => new(host.Channel);

    public async Task InitializeAsync()
    {
        PostgresServer? postgres = null;
        RabbitMqServer? rabbitMq = null;
        await servers.StartTogetherAsync(
            async () => postgres = await servers.StartAsync(root => PostgresServer.StartAsync(root)),
            async () => rabbitMq = await servers.StartAsync(RabbitMqServer.StartAsync));
        var connections = new Dictionary<string, string?>
        {
            ["ConnectionStrings:postgres"] = postgres!.ConnectionString(await postgres.CreateDatabaseAsync("timeliness")),
            ["ConnectionStrings:rabbitmq"] = rabbitMq!.ConnectionString,
        };
        host = await GrpcTestHost.StartAsync(
            builder =>
            {
                // The shipped settings under the test's connections, as the service reads them.
                builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false);
                builder.Configuration.AddInMemoryCollection(connections);
                builder.AddTimeliness();
            },
            app => app.MapGrpcService<TimelinessGrpcService>(),
            connections);
        await host.Services.GetRequiredService<DatabaseMigrationStatus>().WaitUntilCompletedAsync(CancellationToken.None);
        // Healthy means every receive endpoint is up, so its queue is bound to its event's exchange
        // and nothing published next is dropped for want of a binding.
        var health = await host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromMinutes(1));
        Assert.Equal(BusHealthStatus.Healthy, health);
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await servers.DisposeAsync();
    }

    [Fact]
    public async Task Events_from_the_bus_reach_the_backlog_response_times_and_incident_to_completion()
    {
        var now = DateTimeOffset.UtcNow;
        var (incidentAt, receivedAt) = (now.AddHours(-6), now.AddHours(-5));
        var (decided, open) = ($"c-{Guid.NewGuid():N}", $"c-{Guid.NewGuid():N}");
        var bus = host.Services.GetRequiredService<IPublishEndpoint>();
        await bus.Publish(EventBatch.Of(Received(decided, receivedAt, incidentAt), Received(open, receivedAt, incidentAt)));
        await bus.Publish(EventBatch.Of(new ContactRated { EventId = Id(), ContactId = open, Rag = Rag.Amber, PractitionerId = "sw-1", OccurredAt = Stamp(receivedAt.AddMinutes(30)), RecordedAt = Stamp(now) }));
        await bus.Publish(EventBatch.Of(new DecisionRecorded { EventId = Id(), ContactId = decided, ThresholdMet = true, OccurredAt = Stamp(receivedAt.AddHours(2)), RecordedAt = Stamp(now) }));
        await bus.Publish(EventBatch.Of(new InformationRequested { EventId = Id(), RequestId = Id(), ContactId = open, AgencyId = agency, OccurredAt = Stamp(receivedAt), RecordedAt = Stamp(now) }));
        await bus.Publish(EventBatch.Of(new InformationProvided { EventId = Id(), RequestId = Id(), ContactId = decided, AgencyId = agency, RequestedAt = Stamp(receivedAt), OccurredAt = Stamp(receivedAt.AddHours(5)), RecordedAt = Stamp(now) }));
        var window = (From: Stamp(now.AddDays(-1)), To: Stamp(now.AddDays(1)));

        var incidents = await WaitForAsync(
            async () => await Client.GetIncidentToCompletionAsync(new GetIncidentToCompletionRequest { From = window.From, To = window.To, Period = Period.Year, AgencyId = agency }, board),
            counts => counts.Counts.Sum(c => c.WithinTarget) == 1 && counts.Counts.Sum(c => c.Open) == 1);
        var responses = await WaitForAsync(
            async () => await Client.GetResponseTimesAsync(new GetResponseTimesRequest { From = window.From, To = window.To, Period = Period.Year, AgencyId = agency }, board),
            counts => counts.Counts.Sum(c => c.Requested) == 2);
        var backlog = await WaitForAsync(
            async () => await Client.GetBacklogAsync(new GetBacklogRequest { AgencyId = agency }, board),
            counts => counts.Counts.Count == 1);
        var series = await WaitForAsync(
            async () => await Client.GetBacklogSeriesAsync(new GetBacklogSeriesRequest { From = Stamp(now.AddHours(-1)), To = Stamp(now.AddHours(1)), AgencyId = agency }, board),
            s => s.Snapshots.Any(snapshot => snapshot.TakenAt is not null));

        Assert.Equal(2, incidents.Counts.Sum(c => c.Incidents));
        Assert.Equal(1, responses.Counts.Sum(c => c.Unanswered));
        Assert.Equal([0L, 1, 0, 0], responses.Counts.SelectMany(c => c.Bands).GroupBy(b => b.Within).Select(g => g.Sum(b => b.Answered)));
        Assert.Equal((Rag.Amber, 1L), (backlog.Counts[0].Rag, backlog.Counts[0].Open));
        Assert.Contains(series.Snapshots, snapshot => snapshot.TakenAt is not null && snapshot.SlotAt.ToDateTimeOffset() <= now);
    }

    private ContactReceived Received(string contactId, DateTimeOffset at, DateTimeOffset incidentAt) =>
        new() { EventId = Id(), ContactId = contactId, AgencyId = agency, OccurredAt = Stamp(at), RecordedAt = Stamp(at), IncidentAt = Stamp(incidentAt) };

    private static string Id() => Guid.NewGuid().ToString();

    private static Timestamp Stamp(DateTimeOffset at) => Timestamp.FromDateTimeOffset(at);

    // The consumers work on the bus's threads: ask again, for up to a minute, until the answer shows what was published.
    private static async Task<T> WaitForAsync<T>(Func<Task<T>> ask, Func<T, bool> arrived)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var answer = await ask();
            if (arrived(answer))
            {
                return answer;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("What was published never reached the report within a minute.");
    }
}
