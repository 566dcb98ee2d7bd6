using Mash.Testing.Servers;
using Mash.ServiceDefaults;
using Npgsql;

namespace Mash.Intake.Tests.Infrastructure;

/// <summary>A throwaway PostgreSQL with Intake's schema, shared by the tests that need a database.</summary>
public sealed class IntakeDatabase : IAsyncLifetime
{
    private string root = "";
    private PostgresServer? server;
    private NpgsqlDataSource? dataSource;

    public NpgsqlDataSource DataSource => dataSource ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        root = Directory.CreateTempSubdirectory("mash-intake-tests-").FullName;
        server = await PostgresServer.StartAsync(root);
        dataSource = NpgsqlDataSource.Create(server.ConnectionString(await server.CreateDatabaseAsync("intake")));
        // The service's own migrations, as the migration runner would apply them.
        foreach (var migration in Migration.FromEmbeddedResources(typeof(Extensions).Assembly).Append(EventOutbox.Migration))
        {
            await using var command = DataSource.CreateCommand(migration.Sql);
            await command.ExecuteNonQueryAsync();
        }
    }

    public async Task<long> CountAsync(string sql, params object[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new() { Value = parameter });
        }
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task DisposeAsync()
    {
        if (dataSource is not null)
        {
            await dataSource.DisposeAsync();
        }
        if (server is not null)
        {
            await server.DisposeAsync();
        }
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // PostgreSQL writing its last log line; the temp directory goes eventually.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class IntakeDatabaseCollection : ICollectionFixture<IntakeDatabase>
{
    public const string Name = "intake database";
}
