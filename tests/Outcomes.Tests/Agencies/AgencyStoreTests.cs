using Mash.Outcomes.Agencies;
using Mash.Outcomes.Tests.Infrastructure;

namespace Mash.Outcomes.Tests.Agencies;

[Collection(OutcomesDatabaseCollection.Name)]
public sealed class AgencyStoreTests(OutcomesDatabase database)
{
    private static readonly DateTime At = OutcomesUnderTest.Now.UtcDateTime;

    [Fact]
    public async Task An_agency_that_answered_often_and_in_any_order_contributes_once_at_its_first_answer()
    {
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());
        var agencies = new AgencyStore();

        await outcomes.DataSource.InTransactionAsync(t => agencies.RecordContributionsAsync(t,
            [new("c1", "school-9", At), new("c1", "school-9", At.AddHours(-2)), new("c1", "health-east", At)], CancellationToken.None));
        await outcomes.DataSource.InTransactionAsync(t => agencies.RecordContributionsAsync(t, [new("c1", "school-9", At.AddHours(-1))], CancellationToken.None));

        Assert.Equal(["health-east", "school-9"], await outcomes.DataSource.InTransactionAsync(t => agencies.ContributorsAsync(t, "c1", CancellationToken.None)));
        await using var command = outcomes.DataSource.CreateCommand("SELECT contributed_at FROM contributions WHERE agency_id = 'school-9'");
        Assert.Equal(At.AddHours(-2), ((DateTime)(await command.ExecuteScalarAsync())!).ToUniversalTime());
    }
}
