using Mash.ServiceDefaults;
using Mash.Testing.Servers;
using Npgsql;

namespace Mash.Quality.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL shared by the tests that need one; each test takes a fresh database with
/// Quality' schema, so no test sees another's rows.
/// </summary>
public sealed class QualityDatabase : IAsyncLifetime
{
    private readonly List<NpgsqlDataSource> dataSources = [];
    private string root = "";
    private PostgresServer? server;

    public async Task InitializeAsync()
    {
        root = Directory.CreateTempSubdirectory("mash-quality-tests-").FullName;
        server = await PostgresServer.StartAsync(root);
    }

    /// <summary>A new database with the service's migrations applied, as the migration runner would.</summary>
    public async Task<NpgsqlDataSource> CreateDatabaseAsync()
    {
        var postgres = server ?? throw new InvalidOperationException("Not started.");
        var dataSource = NpgsqlDataSource.Create(postgres.ConnectionString(await postgres.CreateDatabaseAsync("quality")));
        dataSources.Add(dataSource);
        foreach (var migration in Migration.FromEmbeddedResources(typeof(Extensions).Assembly).Append(EventInbox.Migration))
        {
            await using var command = dataSource.CreateCommand(migration.Sql);
            await command.ExecuteNonQueryAsync();
        }
        return dataSource;
    }

    public async Task DisposeAsync()
    {
        foreach (var dataSource in dataSources)
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
public sealed class QualityDatabaseCollection : ICollectionFixture<QualityDatabase>
{
    public const string Name = "quality database";
}
