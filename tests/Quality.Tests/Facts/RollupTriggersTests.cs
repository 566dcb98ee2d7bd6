using Mash.Quality.Tests.Infrastructure;

namespace Mash.Quality.Tests.Facts;

/// <summary>
/// The rollups' triggers (migration 0015): each runs a function of its own, named as the trigger,
/// whose statements are written out, so PostgreSQL plans them once a connection rather than building
/// and planning them as text at every firing. What they count is tested by the rollup agreement tests.
/// </summary>
[Collection(QualityDatabaseCollection.Name)]
public sealed class RollupTriggersTests(QualityDatabase database)
{
    [Fact]
    public async Task Every_trigger_runs_its_own_function_with_its_statements_written_out()
    {
        var dataSource = await database.CreateDatabaseAsync();
        await using var command = dataSource.CreateCommand("""
            SELECT t.tgname, p.proname, p.prosrc FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
            WHERE NOT t.tgisinternal ORDER BY t.tgname
            """);
        var triggers = new List<(string Name, string Function, string Body)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            triggers.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        Assert.Equal(71, triggers.Count);
        Assert.All(triggers, trigger =>
        {
            Assert.Equal(trigger.Name, trigger.Function);
            Assert.DoesNotContain("EXECUTE", trigger.Body, StringComparison.Ordinal);
            // A statement that changed no rows changes no rollup: the function stops before its statements.
            Assert.StartsWith("BEGIN\nIF NOT EXISTS (SELECT FROM ", trigger.Body, StringComparison.Ordinal);
        });
    }
}
