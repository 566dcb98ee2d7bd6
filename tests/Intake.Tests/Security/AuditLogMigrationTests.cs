using Mash.Intake.Tests.Infrastructure;
using Mash.ServiceDefaults;
using Npgsql;

namespace Mash.Intake.Tests.Security;

/// <summary>Migration 10 brings Intake's older audit_log to the platform's shape (ServiceDefaults' AuditLog.Migration), keeping its rows.</summary>
public sealed class AuditLogMigrationTests : IAsyncLifetime
{
    private readonly IntakeBeforeMigration postgres = new(10);

    public Task InitializeAsync() => postgres.InitializeAsync();

    public Task DisposeAsync() => postgres.DisposeAsync();

    [Fact]
    public async Task An_earlier_read_is_kept_as_its_agencys_and_the_table_is_the_platforms()
    {
        var dataSource = await postgres.CreateDatabaseAsync();
        var contactId = Guid.CreateVersion7();
        await ExecuteAsync(dataSource, """
            INSERT INTO audit_log (id, occurred_at, organisation_id, action, contact_id, outcome)
            VALUES ($1, now(), 'police-west', 'GetContact', $2, 'denied')
            """, Guid.CreateVersion7(), contactId);

        await postgres.MigrateAsync(dataSource);
        // What the platform's migration, listed after Intake's, finds: nothing to do.
        await ExecuteAsync(dataSource, AuditLog.Migration.Sql);
        await ExecuteAsync(dataSource, "CREATE SCHEMA platform; SET search_path = platform;" + AuditLog.Migration.Sql);

        await using var read = dataSource.CreateCommand("SELECT actor_id, actor_name, agency_id, roles, action, record_id, outcome FROM public.audit_log");
        await using (var reader = await read.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync());
            Assert.Equal(("police-west", "police-west", "police-west", "Mash.Agency", "GetContact", contactId.ToString(), "denied"),
                (reader.GetString(0), reader.GetString(1), reader.GetString(2), string.Join(",", reader.GetFieldValue<string[]>(3)), reader.GetString(4), reader.GetString(5), reader.GetString(6)));
        }
        Assert.Equal(await ShapeAsync(dataSource, "platform"), await ShapeAsync(dataSource, "public"));
    }

    /// <summary>Each column (name, type, nullable) and index of the schema's audit_log.</summary>
    private static async Task<List<string>> ShapeAsync(NpgsqlDataSource dataSource, string schema)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT column_name || ' ' || data_type || ' ' || is_nullable FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'audit_log'
            UNION ALL
            SELECT indexname || ' ' || regexp_replace(indexdef, ' ON \S+ ', ' ON ') FROM pg_indexes WHERE schemaname = $1 AND tablename = 'audit_log'
            """);
        command.Parameters.Add(new() { Value = schema });
        await using var reader = await command.ExecuteReaderAsync();
        var shape = new List<string>();
        while (await reader.ReadAsync())
        {
            shape.Add(reader.GetString(0));
        }
        shape.Sort(StringComparer.Ordinal);
        return shape;
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
