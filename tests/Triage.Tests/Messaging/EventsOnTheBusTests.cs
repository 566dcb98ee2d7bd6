using System.Collections.Concurrent;
using Google.Protobuf.WellKnownTypes;
using Grpc.Net.Client;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Triage.V1;
using Mash.ServiceDefaults;
using Mash.Testing.Identity;
using Mash.Triage.Grpc;
using Mash.Triage.Tests.Infrastructure;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mash.Triage.Tests.Messaging;

/// <summary>
/// Point 8, end to end on real servers: Triage as Program.cs builds it (AddServiceDefaults, AddTriage:
/// migrations, RabbitMQ, the outbox) takes a ContactReceived off the bus into its queue, and what
/// practitioners and agencies then do over gRPC leaves through the outbox onto the bus, as a
/// consumer downstream receives it; and a contact's content comes from Intake found by service
/// discovery under the AppHost's name for it (services:intake:grpc).
/// </summary>
public sealed class EventsOnTheBusTests : IAsyncLifetime
{
    private readonly ServerSet servers = new("mash-triage-bus-tests-");
    private WebApplication app = null!;
    private GrpcChannel channel = null!;
    private IntakePeer intake = null!;

    public async Task InitializeAsync()
    {
        PostgresServer? postgres = null;
        RabbitMqServer? rabbitMq = null;
        await servers.StartTogetherAsync(
            async () => postgres = await servers.StartAsync(root => PostgresServer.StartAsync(root)),
            async () => rabbitMq = await servers.StartAsync(RabbitMqServer.StartAsync));
        intake = await IntakePeer.StartAsync();
        var grpcPort = Processes.FreePort();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production, ApplicationName = "triage" });
        builder.Logging.ClearProviders();
        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(TestTokens.Configuration)
        {
            ["ConnectionStrings:postgres"] = postgres!.ConnectionString(await postgres.CreateDatabaseAsync("triage")),
            ["ConnectionStrings:rabbitmq"] = rabbitMq!.ConnectionString,
            ["Kestrel:Endpoints:grpc:Url"] = $"http://127.0.0.1:{grpcPort}",
            ["Kestrel:Endpoints:http:Url"] = $"http://127.0.0.1:{Processes.FreePort()}",
            // As the AppHost gives it: Intake's gRPC endpoint, found by service discovery (http://_grpc.intake).
            ["services:intake:grpc:0"] = intake.Address,
            ["Authentication:Agencies:0:OrganisationId"] = "health-north",
            ["Authentication:Agencies:0:TokenSha256"] = AgencyCredentials.HashOf(HealthToken),
        });
        builder.AddServiceDefaults();
        builder.AddTriage(bus =>
        {
            bus.AddConsumer<Heard.Decisions>();
            bus.AddConsumer<Heard.Ratings>();
            bus.AddConsumer<Heard.Provided>();
            bus.AddConsumer<Heard.Escalations>();
        });
        app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapGrpcService<TriageGrpcService>();
        await app.StartAsync();
        await app.Services.GetRequiredService<DatabaseMigrationStatus>().WaitUntilCompletedAsync(CancellationToken.None);
        // The bus ready too: an event published before Triage's queues are bound would go nowhere.
        var health = app.Services.GetRequiredService<HealthCheckService>();
        await WaitUntilAsync(async () => (await health.CheckHealthAsync(check => check.Name == "masstransit-bus")).Status == HealthStatus.Healthy);
        channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");
    }

    public async Task DisposeAsync()
    {
        channel.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        await servers.DisposeAsync();
        await intake.DisposeAsync();
    }

    private const string HealthToken = "health-north-bus-test-token-0a9b8c7d6e5f4a3b";

    [Fact]
    public async Task A_contact_from_the_bus_is_screened_and_every_fact_reaches_the_bus()
    {
        var contactId = Guid.NewGuid().ToString();
        var received = DateTimeOffset.UtcNow.AddMinutes(-30);
        await app.Services.GetRequiredService<IPublishEndpoint>().Publish(EventBatch.Of(new ContactReceived
        {
            EventId = Guid.NewGuid().ToString(), ContactId = contactId, AgencyId = "police-west", ContactType = "concern",
            PresentingIssues = { "neglect" }, Pathway = Pathway.Children,
            OccurredAt = Timestamp.FromDateTimeOffset(received), RecordedAt = Timestamp.FromDateTimeOffset(received),
        }));
        var triage = new TriageService.TriageServiceClient(channel);
        var practitioner = TestTokens.Bearer(TestTokens.For("sw-bus", MashRoles.Practitioner));
        await WaitUntilAsync(async () => (await triage.ListQueueAsync(new ListQueueRequest { AgencyIds = { "police-west" } }, practitioner)).Items.Any(i => i.ContactId == contactId));

        await triage.RateContactAsync(new RateContactRequest { ContactId = contactId, Rag = Rag.Green }, practitioner);
        await triage.RateContactAsync(new RateContactRequest { ContactId = contactId, Rag = Rag.Amber, Reason = "school nurse concerned" }, practitioner);
        var asked = await triage.RequestInformationAsync(new RequestInformationRequest { ContactId = contactId, AgencyId = "health-north", Question = "Registered with a GP?" }, practitioner);
        await triage.AnswerInformationRequestAsync(new AnswerInformationRequestRequest { RequestId = asked.RequestId, Answer = "Yes" }, TestTokens.Bearer(HealthToken));
        await triage.RaiseEscalationAsync(new RaiseEscalationRequest
        {
            ContactId = contactId, Kind = EscalationKind.BetweenAgencies, RaisedByAgency = "health-north", About = "rag", Detail = "Health thinks Red",
        }, practitioner);
        await triage.RecordDecisionAsync(new RecordDecisionRequest { ContactId = contactId, ThresholdMet = true, Rationale = "significant harm" }, practitioner);

        var decided = await HeardAsync(Heard.All, contactId, e => e is DecisionRecorded);
        var provided = await HeardAsync(Heard.All, contactId, e => e is InformationProvided);
        await HeardAsync(Heard.All, contactId, e => e is EscalationRaised);
        Assert.Equal((Rag.Amber, Rag.Green, 1, "police-west", "sw-bus"),
            (((DecisionRecorded)decided).Rag, ((DecisionRecorded)decided).InitialRag, ((DecisionRecorded)decided).RatingChanges, ((DecisionRecorded)decided).AgencyId, ((DecisionRecorded)decided).PractitionerId));
        Assert.Equal("within 4 h", ((InformationProvided)provided).ResponseBand);
        await WaitUntilAsync(() => Task.FromResult(Heard.All.Count(e => e.Contact == contactId && e.Event is ContactRated) == 2));
    }

    [Fact]
    public async Task The_content_for_screening_comes_from_intake_found_as_the_apphost_names_it()
    {
        var contactId = Guid.NewGuid().ToString();
        await app.Services.GetRequiredService<IPublishEndpoint>().Publish(EventBatch.Of(new ContactReceived
        {
            EventId = Guid.NewGuid().ToString(), ContactId = contactId, AgencyId = "police-west", ContactType = "concern",
            OccurredAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(-5)), RecordedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(-5)),
        }));
        var triage = new TriageService.TriageServiceClient(channel);
        var token = TestTokens.For("sw-content", MashRoles.Practitioner);
        await WaitUntilAsync(async () => (await triage.ListQueueAsync(new ListQueueRequest { AgencyIds = { "police-west" } }, TestTokens.Bearer(token))).Items.Any(i => i.ContactId == contactId));

        var screening = await triage.GetContactForScreeningAsync(new GetContactForScreeningRequest { ContactId = contactId }, TestTokens.Bearer(token));

        Assert.Equal("Child disclosed at school.", screening.IntakeRecord.Contact.Narrative);
        Assert.Contains((contactId, $"Bearer {token}"), intake.Calls);
    }

    private static async Task<Google.Protobuf.IMessage> HeardAsync(ConcurrentQueue<(string Contact, Google.Protobuf.IMessage Event)> heard, string contactId, Func<Google.Protobuf.IMessage, bool> which)
    {
        await WaitUntilAsync(() => Task.FromResult(heard.Any(e => e.Contact == contactId && which(e.Event))));
        return heard.First(e => e.Contact == contactId && which(e.Event)).Event;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (await condition())
            {
                return;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("What the test waited for never happened within a minute.");
    }
}

/// <summary>Consumers downstream of Triage, as another service would bind them, keeping what they hear.</summary>
public static class Heard
{
    public static ConcurrentQueue<(string Contact, Google.Protobuf.IMessage Event)> All { get; } = new();

    public sealed class Decisions : IConsumer<EventBatch<DecisionRecorded>>
    {
        public Task Consume(ConsumeContext<EventBatch<DecisionRecorded>> context) => Keep(context.Message.Events.Select(e => (e.ContactId, (Google.Protobuf.IMessage)e)));
    }

    public sealed class Ratings : IConsumer<EventBatch<ContactRated>>
    {
        public Task Consume(ConsumeContext<EventBatch<ContactRated>> context) => Keep(context.Message.Events.Select(e => (e.ContactId, (Google.Protobuf.IMessage)e)));
    }

    public sealed class Provided : IConsumer<EventBatch<InformationProvided>>
    {
        public Task Consume(ConsumeContext<EventBatch<InformationProvided>> context) => Keep(context.Message.Events.Select(e => (e.ContactId, (Google.Protobuf.IMessage)e)));
    }

    public sealed class Escalations : IConsumer<EventBatch<EscalationRaised>>
    {
        public Task Consume(ConsumeContext<EventBatch<EscalationRaised>> context) => Keep(context.Message.Events.Select(e => (e.ContactId, (Google.Protobuf.IMessage)e)));
    }

    private static Task Keep(IEnumerable<(string, Google.Protobuf.IMessage)> events)
    {
        foreach (var e in events)
        {
            All.Enqueue(e);
        }
        return Task.CompletedTask;
    }
}
