using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Outcomes.Consumers;
using Mash.Outcomes.Journeys;
using Mash.Outcomes.Tests.Infrastructure;
using Mash.Testing.Messaging;
using Npgsql;

namespace Mash.Outcomes.Tests.Consumers;

/// <summary>Each consumer takes a batch of events in one go, applying each event once and in any order to the same journeys as one at a time.</summary>
[Collection(OutcomesDatabaseCollection.Name)]
public sealed class BatchConsumptionTests(OutcomesDatabase database)
{
    private static readonly DateTime Monday = new(2025, 3, 3, 9, 0, 0, DateTimeKind.Utc);
    private readonly JourneyStore journeys = new();

    [Fact]
    public async Task A_batch_of_receipts_starts_a_journey_for_each_contact()
    {
        var dataSource = await database.CreateDatabaseAsync();

        await ReceiveAsync(dataSource, Received("c1", "police-west"), Received("c2", "st-marys-school"));

        Assert.Equal("police-west", (await FindAsync(dataSource, "c1"))!.AgencyId);
        Assert.Equal("st-marys-school", (await FindAsync(dataSource, "c2"))!.AgencyId);
    }

    [Fact]
    public async Task An_event_twice_in_one_batch_is_applied_once()
    {
        var dataSource = await database.CreateDatabaseAsync();
        var first = Received("c1", "police-west");

        // Applied twice, the repeat would overwrite the receipt between them.
        await ReceiveAsync(dataSource, first, Received("c1", "st-marys-school"), first.Clone());

        Assert.Equal("st-marys-school", (await FindAsync(dataSource, "c1"))!.AgencyId);
        Assert.Equal(1, await CountAsync(dataSource, "SELECT count(*) FROM processed_events WHERE event_id = $1", first.EventId));
    }

    [Fact]
    public async Task A_redelivered_batch_changes_nothing()
    {
        var dataSource = await database.CreateDatabaseAsync();
        var batch = new[] { Received("c1", "police-west"), Received("c2", "police-west") };
        await ReceiveAsync(dataSource, batch);
        await ReceiveAsync(dataSource, Received("c1", "st-marys-school"));

        await ReceiveAsync(dataSource, batch);

        Assert.Equal("st-marys-school", (await FindAsync(dataSource, "c1"))!.AgencyId);
        Assert.Equal(2, await dataSource.CountAsync("journeys"));
    }

    [Fact]
    public async Task Ratings_out_of_order_in_one_batch_give_the_first_as_initial_and_the_latest_as_final()
    {
        var dataSource = await database.CreateDatabaseAsync();

        await new ContactRatedConsumer(dataSource, journeys).Consume(DeliveredBatch.Of(
            Rated("c1", Rag.Amber, Monday.AddHours(1)), Rated("c1", Rag.Red, Monday.AddHours(2)), Rated("c1", Rag.Green, Monday), Rated("c2", Rag.Amber, Monday)));

        var journey = await FindAsync(dataSource, "c1");
        Assert.Equal((Rag.Green, Rag.Red), (journey!.InitialRag, journey.FinalRag));
        Assert.Equal((Rag.Amber, Rag.Amber), ((await FindAsync(dataSource, "c2"))!.InitialRag, (await FindAsync(dataSource, "c2"))!.FinalRag));
    }

    [Fact]
    public async Task A_batch_of_ratings_merges_with_the_ratings_already_kept()
    {
        var dataSource = await database.CreateDatabaseAsync();
        await new ContactRatedConsumer(dataSource, journeys).Consume(DeliveredBatch.Of(Rated("c1", Rag.Amber, Monday.AddHours(1))));

        await new ContactRatedConsumer(dataSource, journeys).Consume(DeliveredBatch.Of(Rated("c1", Rag.Red, Monday.AddHours(2)), Rated("c1", Rag.Green, Monday)));

        var journey = await FindAsync(dataSource, "c1");
        Assert.Equal((Rag.Green, Rag.Red), (journey!.InitialRag, journey.FinalRag));
    }

    [Fact]
    public async Task The_latest_decision_in_a_batch_stands_whatever_its_place_and_a_decision_may_come_before_its_contact()
    {
        var dataSource = await database.CreateDatabaseAsync();

        await new DecisionRecordedConsumer(dataSource, journeys).Consume(DeliveredBatch.Of(Decided("c1", false, Monday.AddHours(3)), Decided("c1", true, Monday)));
        await ReceiveAsync(dataSource, Received("c1", "police-west"));

        var journey = await FindAsync(dataSource, "c1");
        Assert.Equal((true, false, true, "police-west"), (journey!.Decided, journey.ThresholdMet, journey.Received, journey.AgencyId));
    }

    private Task ReceiveAsync(NpgsqlDataSource dataSource, params ContactReceived[] batch) =>
        new ContactReceivedConsumer(dataSource, journeys).Consume(DeliveredBatch.Of(batch));

    private Task<Journey?> FindAsync(NpgsqlDataSource dataSource, string contactId) =>
        dataSource.InTransactionAsync(t => journeys.FindForUpdateAsync(t, contactId, CancellationToken.None));

    private static async Task<long> CountAsync(NpgsqlDataSource dataSource, string sql, string value)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new() { Value = value });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static ContactReceived Received(string contactId, string agencyId) => new()
    {
        EventId = Guid.NewGuid().ToString(), ContactId = contactId, AgencyId = agencyId, ReferralSource = "6",
        OccurredAt = Timestamp.FromDateTime(Monday), RecordedAt = Timestamp.FromDateTime(Monday),
    };

    private static ContactRated Rated(string contactId, Rag rag, DateTime at) => new()
    {
        EventId = Guid.NewGuid().ToString(), ContactId = contactId, Rag = rag, PractitionerId = "sw-1",
        OccurredAt = Timestamp.FromDateTime(at), RecordedAt = Timestamp.FromDateTime(at),
    };

    private static DecisionRecorded Decided(string contactId, bool thresholdMet, DateTime at) => new()
    {
        EventId = Guid.NewGuid().ToString(), ContactId = contactId, ThresholdMet = thresholdMet, PractitionerId = "sw-1",
        OccurredAt = Timestamp.FromDateTime(at), RecordedAt = Timestamp.FromDateTime(at),
    };
}
