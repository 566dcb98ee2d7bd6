using Mash.Testing.Servers;
using Npgsql;

namespace Mash.Timeliness.Tests.Reporting;

/// <summary>Migration 5 moves the incidents kept in contact_incidents onto the clocks, so T5 counts them as before.</summary>
public sealed class IncidentMigrationTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Incident = new(2025, 6, 14, 21, 0, 0, TimeSpan.Zero);
    private readonly ServicePostgres postgres = new("timeliness-upgrade-5", Extensions.Migrations.Where(m => m.Version < 5).Select(m => m.Sql));

    public Task InitializeAsync() => postgres.InitializeAsync();

    public Task DisposeAsync() => postgres.DisposeAsync();

    [Fact]
    public async Task Each_incident_lands_on_its_contact_s_clock_which_is_made_if_its_receipt_is_still_queued()
    {
        var dataSource = await postgres.CreateDatabaseAsync();
        await ExecuteAsync(dataSource, "INSERT INTO clocks (contact_id, started_at, decided_at, agency_id) VALUES ('decided', $1, $1, 'police-west'), ('no-incident', $1, NULL, 'health-east')",
            Incident.AddHours(1));
        await ExecuteAsync(dataSource, "INSERT INTO contact_incidents (contact_id, incident_at, agency_id) VALUES ('decided', $1, 'police-west'), ('queued', $1, 'police-east'), ('no-agency', $1, '')",
            Incident);

        await ExecuteAsync(dataSource, Extensions.Migrations.Single(m => m.Version == 5).Sql);

        List<(string, DateTimeOffset?, string?)> expected =
            [("decided", Incident, "police-west"), ("no-agency", Incident, null), ("no-incident", null, "health-east"), ("queued", Incident, "police-east")];
        Assert.Equal(expected, await ClocksAsync(dataSource));
        Assert.Equal(0L, await ScalarAsync(dataSource, "SELECT count(*) FROM pg_tables WHERE tablename = 'contact_incidents'"));
    }

    private static async Task<List<(string, DateTimeOffset?, string?)>> ClocksAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("""SELECT contact_id, incident_at, agency_id FROM clocks ORDER BY contact_id COLLATE "C" """);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, DateTimeOffset?, string?)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }
        return rows;
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql, params object[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new() { Value = parameter });
        }
        await command.ExecuteNonQueryAsync();
    }
}
