using Mash.Quality.Tests.Infrastructure;
using Npgsql;

namespace Mash.Quality.Tests.Facts;

/// <summary>
/// local_day, which every rollup trigger calls for each row it folds: the partnership's local date,
/// folded into the statement that calls it rather than run as a call of its own (migration 0013).
/// </summary>
[Collection(QualityDatabaseCollection.Name)]
public sealed class LocalDayTests(QualityDatabase database)
{
    [Theory]
    [InlineData("2025-06-30T22:59:59Z", "2025-06-30")]
    [InlineData("2025-06-30T23:00:00Z", "2025-07-01")]
    [InlineData("2025-12-31T23:59:59Z", "2025-12-31")]
    [InlineData("2026-01-01T00:00:00Z", "2026-01-01")]
    public async Task A_moment_falls_on_its_London_date(string moment, string day)
    {
        var dataSource = await database.CreateDatabaseAsync();
        await using var command = dataSource.CreateCommand("SELECT local_day($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = DateTimeOffset.Parse(moment, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime });

        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task The_planner_folds_it_into_the_statement_that_calls_it()
    {
        var dataSource = await database.CreateDatabaseAsync();
        await using var command = dataSource.CreateCommand("EXPLAIN (VERBOSE) SELECT local_day(occurred_at) FROM contacts");
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(0));
        }

        Assert.Contains(plan, line => line.Contains("Europe/London", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.Contains("local_day", StringComparison.Ordinal));
    }
}
