using Mash.Testing.Servers;
using System.Net;
using Mash.ServiceDefaults.Tests.Infrastructure;
using Npgsql;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Mash.ServiceDefaults.Tests;

[Collection(InfrastructureCollection.Name)]
public sealed class MigrationTests(InfrastructureFixture infrastructure)
{
    // The runner's advisory lock key ("MASHMIGR"); a test holds it to keep migrations waiting.
    private const long AdvisoryLockKey = 0x4D4153484D494752;

    /// <summary>The name Aspire.Npgsql gives its health check (AddServiceDatabase is built on it).</summary>
    private const string PostgresCheck = "PostgreSql";

    private static readonly Migration CreateContacts = new(1, "create_contacts", "CREATE TABLE contacts (id bigint PRIMARY KEY, name text NOT NULL)");
    private static readonly Migration SeedContact = new(2, "seed_contact", "INSERT INTO contacts (id, name) VALUES (1, 'first')");
    private static readonly Migration AddRating = new(3, "add_rating", "ALTER TABLE contacts ADD COLUMN rating text");

    private Task<ServiceHost> StartAsync(string database, int? port = null, params Migration[] migrations) =>
        ServiceHost.StartAsync(
            new Dictionary<string, string?> { ["ConnectionStrings:postgres"] = infrastructure.Postgres.ConnectionString(database, port) },
            b => b.AddDatabaseMigrations(migrations));

    [Fact]
    public async Task Migrations_are_applied_once_and_only_new_ones_on_restart()
    {
        var database = await infrastructure.Postgres.CreateDatabaseAsync("restart");

        await using (var first = await StartAsync(database, null, CreateContacts, SeedContact))
        {
            var health = await first.WaitUntilHealthyAsync();
            Assert.Equal("up to date", health.Description("postgres-migrations"));
        }
        var appliedBefore = await QueryAsync(database, "SELECT version, applied_at FROM schema_migrations ORDER BY version");

        await using (var second = await StartAsync(database, null, CreateContacts, SeedContact, AddRating))
        {
            await second.WaitUntilHealthyAsync();
        }

        var appliedAfter = await QueryAsync(database, "SELECT version, applied_at FROM schema_migrations ORDER BY version");
        Assert.Equal([1L, 2L], appliedBefore.Select(r => (long)r[0]));
        Assert.Equal([1L, 2L, 3L], appliedAfter.Select(r => (long)r[0]));
        Assert.Equal(appliedBefore.Select(r => r[1]), appliedAfter.Take(2).Select(r => r[1]));
        // The seed ran once: run twice it would have failed on the primary key.
        Assert.Equal(1L, await ScalarAsync<long>(database, "SELECT count(*) FROM contacts"));
        Assert.Equal(1L, await ScalarAsync<long>(database, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'contacts' AND column_name = 'rating'"));
    }

    [Fact]
    public async Task Readiness_says_database_unreachable_until_it_is_reachable_then_migrates()
    {
        var database = await infrastructure.Postgres.CreateDatabaseAsync("unreachable");
        await using var gate = new TcpForwarder(infrastructure.Postgres.Port);

        await using var host = await StartAsync(database, gate.Port, CreateContacts);
        var down = await host.WaitForHealthAsync(h => h.Description("postgres-migrations") == "database unreachable");
        var grpcWhileDown = await host.CheckGrpcHealthAsync();

        gate.Start();
        var up = await host.WaitUntilHealthyAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.Status);
        Assert.Equal("Unhealthy", down.CheckStatus(PostgresCheck));
        // Aspire's check describes the failure with Npgsql's message (host and port): not echoed to probes.
        Assert.Null(down.Description(PostgresCheck));
        Assert.Equal(ServingStatus.NotServing, grpcWhileDown);
        Assert.Equal("up to date", up.Description("postgres-migrations"));
        Assert.Equal(ServingStatus.Serving, await host.CheckGrpcHealthAsync());
        Assert.Equal(0L, await ScalarAsync<long>(database, "SELECT count(*) FROM contacts"));
    }

    [Fact]
    public async Task Readiness_says_migrating_while_waiting_for_the_migration_lock()
    {
        var database = await infrastructure.Postgres.CreateDatabaseAsync("locked");
        await using var holder = await OpenAsync(database);
        await ExecuteAsync(holder, $"SELECT pg_advisory_lock({AdvisoryLockKey})");

        await using var host = await StartAsync(database, null, CreateContacts);
        await ServiceHost.WaitUntilAsync(async () => await WaitingForLockAsync(database) == 1);
        var waiting = await host.GetHealthAsync();
        var tableWhileWaiting = await ScalarAsync<bool>(database, "SELECT to_regclass('contacts') IS NOT NULL");

        await ExecuteAsync(holder, $"SELECT pg_advisory_unlock({AdvisoryLockKey})");
        await host.WaitUntilHealthyAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, waiting.Status);
        Assert.Equal("migrating", waiting.Description("postgres-migrations"));
        Assert.Equal("Healthy", waiting.CheckStatus(PostgresCheck));
        Assert.False(tableWhileWaiting);
    }

    [Fact]
    public async Task Two_hosts_starting_together_apply_each_migration_once()
    {
        var database = await infrastructure.Postgres.CreateDatabaseAsync("race");
        // CREATE TABLE without IF NOT EXISTS and a seed into a primary key: a second application of either fails.
        await using var holder = await OpenAsync(database);
        await ExecuteAsync(holder, $"SELECT pg_advisory_lock({AdvisoryLockKey})");

        var hosts = await Task.WhenAll(StartAsync(database, null, CreateContacts, SeedContact), StartAsync(database, null, CreateContacts, SeedContact));
        await using var first = hosts[0];
        await using var second = hosts[1];
        // Both are connected and queued on the lock: released, they race for it.
        await first.WaitForHealthAsync(h => h.Description("postgres-migrations") == "migrating");
        await second.WaitForHealthAsync(h => h.Description("postgres-migrations") == "migrating");
        await ServiceHost.WaitUntilAsync(async () => await WaitingForLockAsync(database) == 2);
        await ExecuteAsync(holder, $"SELECT pg_advisory_unlock({AdvisoryLockKey})");

        var firstHealth = await first.WaitUntilHealthyAsync();
        var secondHealth = await second.WaitUntilHealthyAsync();

        Assert.Equal("up to date", firstHealth.Description("postgres-migrations"));
        Assert.Equal("up to date", secondHealth.Description("postgres-migrations"));
        Assert.Equal(2L, await ScalarAsync<long>(database, "SELECT count(*) FROM schema_migrations"));
        Assert.Equal(1L, await ScalarAsync<long>(database, "SELECT count(*) FROM contacts"));
    }

    [Fact]
    public async Task A_failing_script_leaves_the_service_unready_and_applies_nothing_of_it()
    {
        var database = await infrastructure.Postgres.CreateDatabaseAsync("broken");
        var broken = new Migration(2, "broken", "CREATE TABLE half_done (id int); SELECT no_such_function()");

        await using var host = await StartAsync(database, null, CreateContacts, broken);
        var health = await host.WaitForHealthAsync(h => h.Description("postgres-migrations") != "migrating" && h.Description("postgres-migrations") != "database unreachable");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.Status);
        Assert.Equal("migration 2 (broken) failed", health.Description("postgres-migrations"));
        Assert.Equal([1L], (await QueryAsync(database, "SELECT version FROM schema_migrations")).Select(r => (long)r[0]));
        Assert.False(await ScalarAsync<bool>(database, "SELECT to_regclass('half_done') IS NOT NULL"));
    }

    [Fact]
    public void Embedded_sql_files_become_ordered_migrations()
    {
        var migrations = Migration.FromEmbeddedResources(typeof(MigrationTests).Assembly);

        Assert.Equal([1L, 2L], migrations.Select(m => m.Version));
        Assert.Equal(["create_widgets", "add_widget_colour"], migrations.Select(m => m.Name));
        Assert.Contains("CREATE TABLE widgets", migrations[0].Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_versions_are_refused_at_registration()
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
        builder.Configuration["ConnectionStrings:postgres"] = "Host=127.0.0.1";

        Assert.Throws<ArgumentException>(() => builder.AddDatabaseMigrations(CreateContacts, CreateContacts with { Name = "again" }));
    }

    [Fact]
    public void The_outbox_and_inbox_migrations_can_be_listed_together_as_services_list_them()
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
        builder.Configuration["ConnectionStrings:postgres"] = "Host=127.0.0.1";

        builder.AddDatabaseMigrations([CreateContacts, .. EventOutbox.Migrations, EventInbox.Migration]);

        Assert.Single(builder.Services, d => d.ServiceType == typeof(MigrationSet));
    }

    // Sessions of this database queued on an advisory lock: migration runners waiting their turn.
    private Task<long> WaitingForLockAsync(string database) => ScalarAsync<long>(database,
        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");

    private async Task<NpgsqlConnection> OpenAsync(string database)
    {
        var connection = new NpgsqlConnection(infrastructure.Postgres.ConnectionString(database) + ";Pooling=false");
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<T> ScalarAsync<T>(string database, string sql)
    {
        await using var connection = await OpenAsync(database);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private async Task<List<object[]>> QueryAsync(string database, string sql)
    {
        await using var connection = await OpenAsync(database);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object[]>();
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }
        return rows;
    }
}
