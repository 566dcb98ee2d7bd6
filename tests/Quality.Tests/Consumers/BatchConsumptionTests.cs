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

/// <summary>Each consumer takes a batch of events in one go, applying each event once and in any order to the same facts as one at a time.</summary>
[Collection(QualityDatabaseCollection.Name)]
public sealed class BatchConsumptionTests(QualityDatabase database)
{
    [Fact]
    public async Task A_batch_of_contacts_counts_each_once_however_often_it_is_in_the_batch()
    {
        var dataSource = await database.CreateDatabaseAsync();
        var first = Received("c1", "police-west");

        await new ContactReceivedConsumer(dataSource, new FactStore(), new ActivityStore(), new FactChanges()).Consume(DeliveredBatch.Of(first, Received("c2", "police-west"), first.Clone(), Received("c1", "st-marys-school")));

        var contacts = (await ReadAllAsync(dataSource)).Contacts;
        Assert.Equal([("c1", "police-west"), ("c2", "police-west")], contacts.Select(c => (c.ContactId, c.AgencyId)).Order());
        Assert.Equal(1, await CountAsync(dataSource, "SELECT count(*) FROM processed_events WHERE event_id = $1", first.EventId));
    }

    [Fact]
    public async Task An_event_twice_in_one_batch_is_applied_once()
    {
        var dataSource = await database.CreateDatabaseAsync();
        var red = Rated("c1", Rag.Red, Monday);

        // Equal times: applied again, the repeat of Red would replace the Green that arrived after it.
        await RateAsync(dataSource, red, Rated("c1", Rag.Green, Monday), red.Clone());

        Assert.Equal(Rag.Green, Assert.Single((await ReadAllAsync(dataSource)).Ratings).Rag);
    }

    [Fact]
    public async Task A_redelivered_batch_changes_nothing()
    {
        var dataSource = await database.CreateDatabaseAsync();
        var batch = new[] { Rated("c1", Rag.Red, Monday), Rated("c2", Rag.Amber, Monday) };
        await RateAsync(dataSource, batch);
        await RateAsync(dataSource, Rated("c1", Rag.Green, Monday));

        await RateAsync(dataSource, batch);

        var ratings = (await ReadAllAsync(dataSource)).Ratings;
        Assert.Equal([("c1", Rag.Green), ("c2", Rag.Amber)], ratings.Select(r => (r.ContactId, r.Rag)).Order());
    }

    [Fact]
    public async Task Facts_out_of_order_in_one_batch_keep_the_latest_by_occurred_at()
    {
        var dataSource = await database.CreateDatabaseAsync();

        await RateAsync(dataSource, Rated("c1", Rag.Red, Monday.AddHours(2)), Rated("c1", Rag.Green, Monday));
        await new DecisionTimedConsumer(dataSource, new FactStore(), new FactChanges()).Consume(DeliveredBatch.Of(Timed("c1", false, Monday.AddHours(5)), Timed("c1", true, Monday)));
        await new OutcomeRecordedConsumer(dataSource, new FactStore(), new DepthStore(), new FactChanges()).Consume(DeliveredBatch.Of(OutcomeOf("r1", "assessment", Monday.AddDays(1)), OutcomeOf("r1", "advice", Monday)));

        var facts = await ReadAllAsync(dataSource);
        Assert.Equal(Rag.Red, Assert.Single(facts.Ratings).Rag);
        Assert.False(Assert.Single(facts.DecisionTimings).WithinTarget);
        Assert.Equal("assessment", Assert.Single(facts.Outcomes).Outcome);
    }

    [Fact]
    public async Task A_batch_merges_with_the_facts_already_kept()
    {
        var dataSource = await database.CreateDatabaseAsync();
        await RateAsync(dataSource, Rated("c1", Rag.Amber, Monday.AddHours(1)));

        await RateAsync(dataSource, Rated("c1", Rag.Green, Monday), Rated("c2", Rag.Red, Monday));

        var ratings = (await ReadAllAsync(dataSource)).Ratings;
        Assert.Equal([("c1", Rag.Amber), ("c2", Rag.Red)], ratings.Select(r => (r.ContactId, r.Rag)).Order());
    }

    // Ratings and timings are read for the contacts received: these are, first.
    private static async Task RateAsync(NpgsqlDataSource dataSource, params ContactRated[] batch)
    {
        await ReceiveAsync(dataSource, "c1", "c2");
        await new ContactRatedConsumer(dataSource, new FactStore(), new ActivityStore(), new FactChanges()).Consume(DeliveredBatch.Of(batch));
    }

    private static Task ReceiveAsync(NpgsqlDataSource dataSource, params string[] contactIds) =>
        dataSource.InTransactionAsync(t => new FactStore().RecordContactsAsync(t, contactIds.Select(id => Contact(id, "police-west")), CancellationToken.None));

    private static Task<ScorecardFacts> ReadAllAsync(NpgsqlDataSource dataSource) => new FactReader(dataSource).ReadAsync(Period.All, CancellationToken.None);

    private static async Task<long> CountAsync(NpgsqlDataSource dataSource, string sql, string value)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new() { Value = value });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static ContactReceived Received(string contactId, string agencyId) =>
        new() { EventId = NewId(), ContactId = contactId, AgencyId = agencyId, OccurredAt = Stamp(Monday), RecordedAt = Stamp(Monday) };

    private static ContactRated Rated(string contactId, Rag rag, DateTime at) =>
        new() { EventId = NewId(), ContactId = contactId, Rag = rag, OccurredAt = Stamp(at), RecordedAt = Stamp(at) };

    private static DecisionTimed Timed(string contactId, bool withinTarget, DateTime at) =>
        new() { EventId = NewId(), ContactId = contactId, Rag = Rag.Red, WithinTarget = withinTarget, OccurredAt = Stamp(at), RecordedAt = Stamp(at) };

    private static OutcomeRecorded OutcomeOf(string caseRef, string outcome, DateTime at) =>
        new() { EventId = NewId(), CaseRef = caseRef, Outcome = outcome, OccurredAt = Stamp(at), RecordedAt = Stamp(at) };

    private static string NewId() => Guid.NewGuid().ToString();

    private static Timestamp Stamp(DateTime at) => Timestamp.FromDateTime(at);
}
