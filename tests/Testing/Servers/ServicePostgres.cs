using Npgsql;

namespace Mash.Testing.Servers;

/// <summary>
/// A throwaway PostgreSQL for one service's tests, and fresh databases on it with the service's
/// schema: its migration scripts run in order, as the migration runner would apply them. Its
/// <see cref="InitializeAsync"/> and <see cref="DisposeAsync"/> have xunit's IAsyncLifetime shape, so
/// a collection fixture is just <c>sealed class QualityDatabase() : ServicePostgres("quality", …), IAsyncLifetime</c>.
/// </summary>
/// <param name="service">Names the temp directory and prefixes the databases (<c>quality_1a2b…</c>).</param>
/// <param name="migrations">The service's migration scripts, in the order they are applied.</param>
public class ServicePostgres(string service, IEnumerable<string> migrations)
{
    private readonly IReadOnlyList<string> migrations = [.. migrations];
    private readonly List<NpgsqlDataSource> dataSources = [];
    private readonly ServerSet servers = new($"mash-{service}-tests-");
    private PostgresServer? server;

    public virtual async Task InitializeAsync() => server = await servers.StartAsync(root => PostgresServer.StartAsync(root));

    /// <summary>A new database with the service's migrations applied, so no test sees another's rows.</summary>
    public async Task<NpgsqlDataSource> CreateDatabaseAsync()
    {
        var postgres = server ?? throw new InvalidOperationException("Not started.");
        // Idle connections close within a few seconds: a test's database lives until the whole fixture ends,
        // and hundreds of tests' pools each keeping theirs ran the server out of connections.
        var dataSource = NpgsqlDataSource.Create(postgres.ConnectionString(await postgres.CreateDatabaseAsync(service)) + ";Connection Idle Lifetime=2;Connection Pruning Interval=1");
        dataSources.Add(dataSource);
        foreach (var sql in migrations)
        {
            await using var command = dataSource.CreateCommand(sql);
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
        await servers.DisposeAsync();
    }
}
