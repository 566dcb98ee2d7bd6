using Mash.Contracts.Common.V1;
using Mash.Outcomes.Journeys;
using Mash.Outcomes.Tests.Infrastructure;
using Npgsql;

namespace Mash.Outcomes.Tests.Journeys;

[Collection(OutcomesDatabaseCollection.Name)]
public sealed class JourneyStoreTests(OutcomesDatabase database)
{
    private static readonly DateTime Monday = new(2025, 3, 3, 9, 0, 0, DateTimeKind.Utc);
    private readonly JourneyStore store = new();

    private Task<Journey?> FindAsync(NpgsqlDataSource dataSource, string contactId = "c1") =>
        dataSource.InTransactionAsync(t => store.FindForUpdateAsync(t, contactId, CancellationToken.None));

    private Task RateAsync(NpgsqlDataSource dataSource, Rag rag, DateTime at) =>
        dataSource.InTransactionAsync(t => store.RecordRatingAsync(t, "c1", rag, at, CancellationToken.None));

    private Task DecideAsync(NpgsqlDataSource dataSource, bool thresholdMet, DateTime at) =>
        dataSource.InTransactionAsync(t => store.RecordDecisionAsync(t, "c1", thresholdMet, at, CancellationToken.None));

    [Fact]
    public async Task An_unknown_contact_has_no_journey() =>
        Assert.Null(await FindAsync(await database.CreateDatabaseAsync()));

    [Fact]
    public async Task A_received_contact_keeps_its_agency_source_and_repeat_flags()
    {
        var dataSource = await database.CreateDatabaseAsync();
        await dataSource.InTransactionAsync(t => store.RecordReceivedAsync(t, "c1", "police-west", "6", true, true, CancellationToken.None));
        var journey = await FindAsync(dataSource);
        Assert.Equal((true, "police-west", "6", true, true), (journey!.Received, journey.AgencyId, journey.ReferralSource, journey.IsRepeat, journey.IsRepeatReferral));
        Assert.False(journey.Decided);
    }

    [Fact]
    public async Task The_first_rating_is_initial_and_the_latest_is_final()
    {
        var dataSource = await database.CreateDatabaseAsync();
        await RateAsync(dataSource, Rag.Green, Monday);
        await RateAsync(dataSource, Rag.Amber, Monday.AddHours(1));
        await RateAsync(dataSource, Rag.Red, Monday.AddHours(2));
        var journey = await FindAsync(dataSource);
        Assert.Equal((Rag.Green, Rag.Red), (journey!.InitialRag, journey.FinalRag));
    }

    [Fact]
    public async Task Ratings_arriving_out_of_order_give_the_same_initial_and_final_rag()
    {
        var dataSource = await database.CreateDatabaseAsync();
        await RateAsync(dataSource, Rag.Amber, Monday.AddHours(1));
        await RateAsync(dataSource, Rag.Red, Monday.AddHours(2));
        await RateAsync(dataSource, Rag.Green, Monday);
        var journey = await FindAsync(dataSource);
        Assert.Equal((Rag.Green, Rag.Red), (journey!.InitialRag, journey.FinalRag));
    }

    [Fact]
    public async Task A_decision_arriving_before_the_contact_is_kept_and_completed_later()
    {
        var dataSource = await database.CreateDatabaseAsync();
        await DecideAsync(dataSource, true, Monday);
        await dataSource.InTransactionAsync(t => store.RecordReceivedAsync(t, "c1", "st-marys-school", "2A", false, false, CancellationToken.None));
        var journey = await FindAsync(dataSource);
        Assert.Equal((true, true, true, "st-marys-school"), (journey!.Decided, journey.ThresholdMet, journey.Received, journey.AgencyId));
    }

    [Fact]
    public async Task The_latest_decision_by_occurred_at_stands_whatever_the_arrival_order()
    {
        var dataSource = await database.CreateDatabaseAsync();
        await DecideAsync(dataSource, false, Monday.AddHours(3));
        await DecideAsync(dataSource, true, Monday);
        Assert.False((await FindAsync(dataSource))!.ThresholdMet);
    }
}
