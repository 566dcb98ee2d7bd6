using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Quality.Consumers;
using Mash.Quality.Facts;
using Mash.Quality.Live;
using Mash.Quality.Tests.Infrastructure;
using Mash.Testing.Messaging;
using Npgsql;
using static Mash.Quality.Tests.Indicators.TestFacts;

namespace Mash.Quality.Tests.Consumers;

/// <summary>
/// The consumers of the measures beyond the first five: each records its fact, and a redelivered
/// batch (the same events again) or the same fact under a new event id changes nothing.
/// </summary>
[Collection(QualityDatabaseCollection.Name)]
public sealed class ActivityConsumersTests(QualityDatabase database)
{
    private static readonly ActivityStore Store = new();

    [Fact]
    public async Task Decisions_are_kept_once_the_latest_standing()
    {
        var dataSource = await database.CreateDatabaseAsync();
        await ReceiveAsync(dataSource, "c1", "c2");
        var consumer = new DecisionRecordedConsumer(dataSource, Store, new FactChanges());
        var batch = DeliveredBatch.Of(Decided("c1", true, Monday), Decided("c2", false, Monday));

        await consumer.Consume(batch);
        await consumer.Consume(DeliveredBatch.Of(Decided("c1", false, Monday.AddHours(1))));
        await consumer.Consume(batch);

        var decisions = (await ReadAllAsync(dataSource)).Decisions;
        Assert.Equal([("c1", false), ("c2", false)], decisions.Select(d => (d.ContactId, d.ThresholdMet)).Order());
    }

    [Fact]
    public async Task A_re_rating_is_kept_once_and_a_first_rating_or_the_same_rag_again_is_no_change()
    {
        var dataSource = await database.CreateDatabaseAsync();
        var consumer = new ContactRatedConsumer(dataSource, new FactStore(), Store, new FactChanges());
        var batch = DeliveredBatch.Of(Rated("c1", Rag.Unspecified, Rag.Red), Rated("c1", Rag.Red, Rag.Amber), Rated("c1", Rag.Amber, Rag.Amber));

        await consumer.Consume(batch);
        await consumer.Consume(batch);

        var change = Assert.Single((await ReadAllAsync(dataSource)).RatingChanges);
        Assert.Equal((Rag.Red, Rag.Amber), (change.From, change.To));
    }

    [Fact]
    public async Task Escalations_resolutions_requests_answers_breaches_and_feedback_are_each_kept_once()
    {
        var dataSource = await database.CreateDatabaseAsync();
        await ReceiveAsync(dataSource, "c1");
        var escalation = DeliveredBatch.Of(new EscalationRaised { EventId = NewId(), EscalationId = "e1", ContactId = "c1", Kind = "referrer-challenge", RaisedByAgency = "health", OccurredAt = Stamp(Monday) });
        var request = DeliveredBatch.Of(new InformationRequested { EventId = NewId(), RequestId = "i1", ContactId = "c1", AgencyId = "gp", OccurredAt = Stamp(Monday) });
        var answer = DeliveredBatch.Of(new InformationProvided { EventId = NewId(), RequestId = "i1", ContactId = "c1", AgencyId = "gp", RequestedAt = Stamp(Monday), ResponseBand = "within 4 h", OccurredAt = Stamp(Monday.AddHours(3)) });
        var breach = DeliveredBatch.Of(new DeadlineBreached { EventId = NewId(), ContactId = "c1", Rag = Rag.Red, AgencyId = "police-west", DueAt = Stamp(Monday), OccurredAt = Stamp(Monday) });
        var resolved = DeliveredBatch.Of(new EscalationResolved { EventId = NewId(), EscalationId = "e1", ContactId = "c1", RaisedByAgency = "health", Resolution = "decision-upheld", RaisedAt = Stamp(Monday), OccurredAt = Stamp(Monday.AddHours(1)) });
        var approaching = DeliveredBatch.Of(new DeadlineApproaching { EventId = NewId(), ContactId = "c1", Rag = Rag.Amber, AgencyId = "police-west", DueAt = Stamp(Monday), OccurredAt = Stamp(Monday) });

        for (var delivery = 0; delivery < 2; delivery++)
        {
            await new EscalationRaisedConsumer(dataSource, Store, new FactChanges()).Consume(escalation);
            await new EscalationResolvedConsumer(dataSource, Store, new FactChanges()).Consume(resolved);
            await new InformationRequestedConsumer(dataSource, Store, new FactChanges()).Consume(request);
            await new InformationProvidedConsumer(dataSource, Store, new FactChanges()).Consume(answer);
            await new DeadlineBreachedConsumer(dataSource, Store, new FactChanges()).Consume(breach);
            await new DeadlineApproachingConsumer(dataSource, Store, new FactChanges()).Consume(approaching);
        }
        // The same breach announced again under a new event id (another replica, a restart) is the same breach.
        await new DeadlineBreachedConsumer(dataSource, Store, new FactChanges()).Consume(DeliveredBatch.Of(new DeadlineBreached { EventId = NewId(), ContactId = "c1", Rag = Rag.Red, AgencyId = "police-west", DueAt = Stamp(Monday), OccurredAt = Stamp(Monday.AddMinutes(1)) }));

        var facts = await ReadAllAsync(dataSource);
        Assert.Equal("health", Assert.Single(facts.Escalations).RaisedByAgency);
        Assert.Equal("decision-upheld", Assert.Single(facts.Resolutions).Resolution);
        Assert.Equal("gp", Assert.Single(facts.InformationRequests).AgencyId);
        var response = Assert.Single(facts.InformationResponses);
        Assert.Equal(TimeSpan.FromHours(3), response.OccurredAt - response.RequestedAt);
        Assert.Equal(Rag.Red, Assert.Single(facts.Breaches).Rag);
        Assert.Equal(Rag.Amber, Assert.Single(facts.Approaches).Rag);
    }

    [Fact]
    public async Task A_contact_keeps_its_type_pathway_incident_DASH_risk_consent_and_presenting_issues_once()
    {
        var dataSource = await database.CreateDatabaseAsync();
        var received = new ContactReceived
        {
            EventId = NewId(), ContactId = "c1", AgencyId = "cafcass", ContactType = "information-request", Pathway = Pathway.Adults, PresentingIssues = { "neglect", "domestic-abuse" },
            OccurredAt = Stamp(Monday), IncidentAt = Stamp(Monday.AddHours(-3)), DashRisk = "DASH_RISK_MEDIUM", Consent = "CONSENT_STATE_GIVEN",
        };
        var consumer = new ContactReceivedConsumer(dataSource, new FactStore(), new ActivityStore(), new FactChanges());

        await consumer.Consume(DeliveredBatch.Of(received));
        await consumer.Consume(DeliveredBatch.Of(received));

        var facts = await new FactReader(dataSource).ReadAsync(Period.All, CancellationToken.None);
        var contact = Assert.Single(facts.Contacts);
        Assert.Equal(("information-request", Pathway.Adults), (contact.ContactType, contact.Pathway));
        Assert.Equal((Monday.AddHours(-3), "DASH_RISK_MEDIUM", "CONSENT_STATE_GIVEN"), (contact.IncidentAt, contact.DashRisk, contact.Consent));
        Assert.Equal(["domestic-abuse", "neglect"], facts.Activity.PresentingIssues.Select(i => i.Issue).Order());
    }

    // Decisions and feedback are read for the contacts received: these are.
    private static Task ReceiveAsync(NpgsqlDataSource dataSource, params string[] contactIds) =>
        new ContactReceivedConsumer(dataSource, new FactStore(), new ActivityStore(), new FactChanges()).Consume(DeliveredBatch.Of(
            [.. contactIds.Select(id => new ContactReceived { EventId = NewId(), ContactId = id, AgencyId = "police-west", OccurredAt = Stamp(Monday) })]));

    private static async Task<ActivityFacts> ReadAllAsync(NpgsqlDataSource dataSource) =>
        (await new FactReader(dataSource).ReadAsync(Period.All, CancellationToken.None)).Activity;

    private static DecisionRecorded Decided(string contactId, bool thresholdMet, DateTime at) =>
        new() { EventId = NewId(), ContactId = contactId, AgencyId = "police-west", ThresholdMet = thresholdMet, OccurredAt = Stamp(at) };

    private static ContactRated Rated(string contactId, Rag previous, Rag rag) =>
        new() { EventId = NewId(), ContactId = contactId, PreviousRag = previous, Rag = rag, OccurredAt = Stamp(Monday) };

    private static string NewId() => Guid.NewGuid().ToString();

    private static Timestamp Stamp(DateTime at) => Timestamp.FromDateTime(at);
}
