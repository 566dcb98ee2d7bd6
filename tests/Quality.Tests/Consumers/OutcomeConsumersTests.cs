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
/// The Outcomes events in depth: a correction changes the case's outcome, threshold and agency (and
/// only a later revision does), in whichever order it and the outcome arrive; agencies told and
/// consultations are kept once; each consumer applies an event once under its own named inbox key.
/// </summary>
[Collection(QualityDatabaseCollection.Name)]
public sealed class OutcomeConsumersTests(QualityDatabase database)
{
    private static readonly DepthStore Depth = new();

    [Fact]
    public async Task A_correction_changes_the_outcome_its_threshold_and_agency_and_keeps_what_only_the_recording_carries()
    {
        var dataSource = await database.CreateDatabaseAsync();
        await RecordAsync(dataSource, Recorded());

        await CorrectAsync(dataSource, Corrected(2, "nfa", thresholdMet: false, agency: "health-east"));

        var outcome = Assert.Single((await ReadAllAsync(dataSource)).Outcomes);
        Assert.Equal(("nfa", false, "health-east"), (outcome.Outcome, outcome.ThresholdMet, outcome.AgencyId));
        Assert.Equal((true, Rag.Green, Rag.Red, Monday), (outcome.IsRepeatReferral, outcome.InitialRag, outcome.FinalRag, outcome.OccurredAt));
        Assert.Equal([("r1", "not-in-education")], (await ReadAllAsync(dataSource)).Depth.Gaps.Select(g => (g.CaseRef, g.Gap)));
    }

    [Fact]
    public async Task A_correction_heard_before_its_outcome_stands_and_the_outcome_adds_the_rest()
    {
        var dataSource = await database.CreateDatabaseAsync();
        await CorrectAsync(dataSource, Corrected(2, "nfa", thresholdMet: false));

        await RecordAsync(dataSource, Recorded());

        var outcome = Assert.Single((await ReadAllAsync(dataSource)).Outcomes);
        Assert.Equal(("nfa", false, true, Monday), (outcome.Outcome, outcome.ThresholdMet, outcome.IsRepeatReferral, outcome.OccurredAt));
    }

    [Fact]
    public async Task Only_a_later_revision_replaces_a_correction()
    {
        var dataSource = await database.CreateDatabaseAsync();
        await RecordAsync(dataSource, Recorded());

        await CorrectAsync(dataSource, Corrected(3, "early-help"), Corrected(2, "nfa"));
        await CorrectAsync(dataSource, Corrected(2, "advice"));

        Assert.Equal("early-help", Assert.Single((await ReadAllAsync(dataSource)).Outcomes).Outcome);
    }

    [Fact]
    public async Task Agencies_told_and_consultations_are_kept_once_the_first_telling_standing()
    {
        var dataSource = await database.CreateDatabaseAsync();
        await RecordAsync(dataSource, Recorded());
        var telling = new FeedbackGiven { EventId = NewId(), CaseRef = "r1", AgencyId = "health-east", OutcomeAt = Stamp(Monday), OccurredAt = Stamp(Monday.AddHours(3)) };
        var consultation = new ConsultationGiven { EventId = NewId(), ConsultationId = "k1", AgencyId = "st-marys-school", Kind = "social-work", OccurredAt = Stamp(Monday) };

        for (var delivery = 0; delivery < 2; delivery++)
        {
            await new FeedbackGivenConsumer(dataSource, Depth, new FactChanges()).Consume(DeliveredBatch.Of(telling));
            await new ConsultationGivenConsumer(dataSource, Depth, new FactChanges()).Consume(DeliveredBatch.Of(consultation));
        }
        // Told again later under a new event id: the first telling stands.
        await new FeedbackGivenConsumer(dataSource, Depth, new FactChanges()).Consume(DeliveredBatch.Of(
            new FeedbackGiven { EventId = NewId(), CaseRef = "r1", AgencyId = "health-east", OutcomeAt = Stamp(Monday), OccurredAt = Stamp(Monday.AddHours(9)) }));

        var facts = (await ReadAllAsync(dataSource)).Depth;
        // r1 owes its referrer (not told) and health-east, told once, 3 h after the outcome.
        var told = Assert.Single(facts.FeedbackOwed, f => f.Told);
        Assert.Equal((false, 3 * 3_600_000_000m), (told.ToReferrer, told.MicrosToTell));
        Assert.Equal(2, facts.FeedbackOwed.Count);
        Assert.Equal("social-work", Assert.Single(facts.Consultations).Kind);
    }

    [Fact]
    public async Task Each_consumer_keeps_its_named_inbox_key()
    {
        var dataSource = await database.CreateDatabaseAsync();
        var correction = Corrected(2, "nfa");

        await CorrectAsync(dataSource, correction);
        await RecordAsync(dataSource, Recorded());

        Assert.Equal(["OutcomeCorrectedConsumer", "OutcomeRecordedConsumer"], await InboxKeysAsync(dataSource));
    }

    private static Task RecordAsync(NpgsqlDataSource dataSource, OutcomeRecorded outcome) =>
        new OutcomeRecordedConsumer(dataSource, new FactStore(), Depth, new FactChanges()).Consume(DeliveredBatch.Of(outcome));

    private static Task CorrectAsync(NpgsqlDataSource dataSource, params OutcomeCorrected[] corrections) =>
        new OutcomeCorrectedConsumer(dataSource, Depth, new FactChanges()).Consume(DeliveredBatch.Of(corrections));

    private static Task<ScorecardFacts> ReadAllAsync(NpgsqlDataSource dataSource) => new FactReader(dataSource).ReadAsync(Period.All, CancellationToken.None);

    private static async Task<List<string>> InboxKeysAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT DISTINCT consumer FROM processed_events ORDER BY 1");
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }
        return keys;
    }

    private static OutcomeRecorded Recorded() => new()
    {
        EventId = NewId(), CaseRef = "r1", Outcome = "strategy-discussion", AgencyId = "police-west", ThresholdMet = true, IsRepeatReferral = true,
        InitialRag = Rag.Green, FinalRag = Rag.Red, Gaps = { "not-in-education" }, OccurredAt = Stamp(Monday), RecordedAt = Stamp(Monday), Revision = 1,
    };

    private static OutcomeCorrected Corrected(int revision, string outcome, bool thresholdMet = true, string agency = "police-west") => new()
    {
        EventId = NewId(), CaseRef = "r1", Outcome = outcome, Revision = revision, ThresholdMet = thresholdMet, AgencyId = agency,
        OccurredAt = Stamp(Monday.AddDays(revision)), RecordedAt = Stamp(Monday.AddDays(revision)),
    };

    private static string NewId() => Guid.NewGuid().ToString();

    private static Timestamp Stamp(DateTime at) => Timestamp.FromDateTime(at);
}
