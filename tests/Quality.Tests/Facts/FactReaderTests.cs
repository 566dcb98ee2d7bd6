using Mash.Contracts.Common.V1;
using Mash.Quality.Facts;
using Mash.Quality.Tests.Infrastructure;
using static Mash.Quality.Tests.Indicators.TestFacts;

namespace Mash.Quality.Tests.Facts;

[Collection(QualityDatabaseCollection.Name)]
public sealed class FactReaderTests(QualityDatabase database)
{
    private static readonly DateTime April = new(2025, 4, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime July = new(2025, 7, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_period_includes_its_start_and_excludes_its_end()
    {
        var dataSource = await database.CreateDatabaseAsync();
        var store = new FactStore();
        await dataSource.InTransactionAsync(async t =>
        {
            await store.RecordContactAsync(t, Contact("before", "police-west", April.AddTicks(-10)), CancellationToken.None);
            await store.RecordContactAsync(t, Contact("first", "police-west", April), CancellationToken.None);
            await store.RecordContactAsync(t, Contact("last", "police-west", July.AddTicks(-10)), CancellationToken.None);
            await store.RecordContactAsync(t, Contact("after", "police-west", July), CancellationToken.None);
        });

        var facts = await new FactReader(dataSource).ReadAsync(new Period(April, July), CancellationToken.None);

        Assert.Equal(["first", "last"], facts.Contacts.Select(c => c.ContactId).Order());
    }

    [Fact]
    public async Task An_open_start_and_an_open_end_mean_everything()
    {
        var dataSource = await database.CreateDatabaseAsync();
        await dataSource.InTransactionAsync(t => new FactStore().RecordContactAsync(t, Contact("c1", "police-west", DateTime.UnixEpoch), CancellationToken.None));
        Assert.Single((await new FactReader(dataSource).ReadAsync(Period.All, CancellationToken.None)).Contacts);
    }
}
