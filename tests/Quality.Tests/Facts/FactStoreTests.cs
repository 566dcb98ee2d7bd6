using Mash.Contracts.Common.V1;
using Mash.Quality.Facts;
using Mash.Quality.Tests.Infrastructure;
using Npgsql;
using static Mash.Quality.Tests.Indicators.TestFacts;

namespace Mash.Quality.Tests.Facts;

[Collection(QualityDatabaseCollection.Name)]
public sealed class FactStoreTests(QualityDatabase database)
{
    private readonly FactStore store = new();

    private static Task<ScorecardFacts> ReadAllAsync(NpgsqlDataSource dataSource) => new FactReader(dataSource).ReadAsync(Period.All, CancellationToken.None);

    // Ratings and timings are read for the contacts received: c1 is.
    private async Task<NpgsqlDataSource> ReceivedAsync()
    {
        var dataSource = await database.CreateDatabaseAsync();
        await dataSource.InTransactionAsync(t => store.RecordContactAsync(t, Contact("c1", "police-west"), CancellationToken.None));
        return dataSource;
    }

    [Fact]
    public async Task A_contact_received_twice_counts_once()
    {
        var dataSource = await database.CreateDatabaseAsync();
        await dataSource.InTransactionAsync(t => store.RecordContactAsync(t, Contact("c1", "police-west"), CancellationToken.None));
        await dataSource.InTransactionAsync(t => store.RecordContactAsync(t, Contact("c1", "police-west"), CancellationToken.None));
        Assert.Single((await ReadAllAsync(dataSource)).Contacts);
    }

    [Fact]
    public async Task The_current_rating_is_the_latest_by_occurred_at_whatever_the_arrival_order()
    {
        var dataSource = await ReceivedAsync();
        await dataSource.InTransactionAsync(t => store.RecordRatingAsync(t, Rating("c1", Rag.Red, Monday.AddHours(2)), CancellationToken.None));
        await dataSource.InTransactionAsync(t => store.RecordRatingAsync(t, Rating("c1", Rag.Green, Monday), CancellationToken.None));
        Assert.Equal(Rag.Red, Assert.Single((await ReadAllAsync(dataSource)).Ratings).Rag);
    }

    [Fact]
    public async Task A_later_rating_replaces_the_current_one()
    {
        var dataSource = await ReceivedAsync();
        await dataSource.InTransactionAsync(t => store.RecordRatingAsync(t, Rating("c1", Rag.Green, Monday), CancellationToken.None));
        await dataSource.InTransactionAsync(t => store.RecordRatingAsync(t, Rating("c1", Rag.Amber, Monday.AddHours(1)), CancellationToken.None));
        var rating = Assert.Single((await ReadAllAsync(dataSource)).Ratings);
        Assert.Equal((Rag.Amber, Monday.AddHours(1)), (rating.Rag, rating.OccurredAt));
    }

    [Fact]
    public async Task A_case_keeps_its_latest_outcome_by_occurred_at()
    {
        var dataSource = await database.CreateDatabaseAsync();
        await dataSource.InTransactionAsync(t => store.RecordOutcomeAsync(t, Outcome("r1", "assessment", Monday.AddDays(1)), CancellationToken.None));
        await dataSource.InTransactionAsync(t => store.RecordOutcomeAsync(t, Outcome("r1", "advice", Monday), CancellationToken.None));
        Assert.Equal("assessment", Assert.Single((await ReadAllAsync(dataSource)).Outcomes).Outcome);
    }

    [Fact]
    public async Task An_outcome_keeps_whether_it_was_a_referral_and_a_repeat_referral()
    {
        var dataSource = await database.CreateDatabaseAsync();
        await dataSource.InTransactionAsync(t => store.RecordOutcomeAsync(t, Referral("r1", isRepeatReferral: true), CancellationToken.None));
        await dataSource.InTransactionAsync(t => store.RecordOutcomeAsync(t, Referral("r2", isRepeatReferral: false), CancellationToken.None));
        var outcomes = (await ReadAllAsync(dataSource)).Outcomes.OrderBy(o => o.CaseRef);
        Assert.Equal([("r1", true, true), ("r2", true, false)], outcomes.Select(o => (o.CaseRef, o.ThresholdMet, o.IsRepeatReferral)));
    }

    [Fact]
    public async Task A_decision_timed_again_keeps_the_latest_timing()
    {
        var dataSource = await ReceivedAsync();
        await dataSource.InTransactionAsync(t => store.RecordDecisionTimingAsync(t, Timing("c1", false, Monday.AddHours(5)), CancellationToken.None));
        await dataSource.InTransactionAsync(t => store.RecordDecisionTimingAsync(t, Timing("c1", true, Monday), CancellationToken.None));
        Assert.False(Assert.Single((await ReadAllAsync(dataSource)).DecisionTimings).WithinTarget);
    }
}
