using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Mash.AppHost.Servers;

public static class PostgresBuilderExtensions
{
    /// <summary>
    /// PostgreSQL as a process, with its cluster in the stack's state directory (created by initdb on
    /// first start). Used like Aspire's <c>AddPostgres</c>: <c>WithReference</c> gives
    /// <c>ConnectionStrings__&lt;name&gt;</c>, <c>WaitFor</c> waits until it answers a real connection.
    /// </summary>
    public static IResourceBuilder<PostgresServerResource> AddPostgresProcess(this IDistributedApplicationBuilder builder, [ResourceName] string name)
    {
        var bin = DebianServers.PostgresBin;
        var (command, prefix) = ServerTools.AsUser(PostgresServerResource.UserName, Path.Combine(bin, "postgres"));
        var server = new PostgresServerResource(name, command, builder.CreateStateDirectory(name));

        string? connectionString = null;
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(server, async (_, ct) =>
            connectionString = await server.ConnectionStringExpression.GetValueAsync(ct));
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(server, (_, ct) => PrepareClusterAsync(server, bin, ct));
        // Aspire's PostgreSQL creates each database once the server is ready; so does this one. The
        // orchestrator passes a server's state on to its databases only for containers: here it is ours to.
        builder.Eventing.Subscribe<ResourceReadyEvent>(server, async (e, ct) =>
        {
            await CreateDatabasesAsync(server, connectionString!, ct);
            await PostgresDatabaseStates.PublishAsync(e.Services.GetRequiredService<ResourceNotificationService>(), server, KnownResourceStates.Running);
        });
        // After a stop or crash, the databases follow the server's state (PostgresDatabaseStates).
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PostgresDatabaseStates>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PostgresFastShutdown>());

        var healthCheckKey = $"{name}_check";
        builder.Services.AddHealthChecks().AddNpgSql(
            _ => (connectionString ?? throw new InvalidOperationException("Connection string is unavailable")) + ";Database=postgres;" + HealthCheckPool,
            name: healthCheckKey);

        var endpoint = server.PrimaryEndpoint;
        return builder.AddResource(server)
            .WithLoopbackEndpoint(PostgresServerResource.PrimaryEndpointName)
            .WithArgs([.. prefix, "-D", server.DataDirectory, "-p", endpoint.Property(EndpointProperty.TargetPort),
                "-c", "listen_addresses=127.0.0.1",
                // TCP only: a socket path under a deep state directory can exceed 107 bytes.
                "-c", "unix_socket_directories=",
                // Crash recovery replays the WAL written since the last checkpoint: every 30 s rather
                // than the default 5 min, a restart after kill -9 serves again in seconds (BENCHMARKS.md).
                "-c", Setting("checkpoint_timeout", CheckpointTimeoutSeconds),
                // Quality's rollup triggers lock each contact a batch changes (up to an outbox batch,
                // 256, in each of its consumers' transactions): room for them beside every other lock.
                "-c", Setting("max_locks_per_transaction", MaxLocksPerTransaction)])
            // At start, when every service has been given its pool (PostgresConnectionBudget).
            .WithArgs(context =>
            {
                context.Args.Add("-c");
                context.Args.Add(Setting("max_connections", server.ConnectionBudget.MaxConnections));
                context.Args.Add("-c");
                context.Args.Add(Setting("superuser_reserved_connections", PostgresConnectionBudget.SuperuserReserved));
            })
            .WithIconName("DatabaseMultiple")
            .WithHealthCheck(healthCheckKey);
    }

    /// <summary>PostgreSQL's <c>checkpoint_timeout</c> in seconds (its default unit), which bounds how much WAL crash recovery replays.</summary>
    public const int CheckpointTimeoutSeconds = 30;

    /// <summary>PostgreSQL's <c>max_locks_per_transaction</c>: the lock table holds this many for each connection allowed.</summary>
    public const int MaxLocksPerTransaction = 512;

    /// <summary>Each of the AppHost's health checks holds one connection at most (<see cref="PostgresConnectionBudget.ForAppHost"/>).</summary>
    private const string HealthCheckPool = "Maximum Pool Size=1";

    private static string Setting(string name, int value) => string.Create(CultureInfo.InvariantCulture, $"{name}={value}");

    /// <summary>A database on the server, created once it is healthy, as Aspire's <c>AddDatabase</c> does.</summary>
    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(this IResourceBuilder<PostgresServerResource> builder, [ResourceName] string name, string? databaseName = null)
    {
        var database = new PostgresDatabaseResource(name, databaseName ?? name, builder.Resource);
        builder.Resource.AddDatabase(database);

        string? connectionString = null;
        builder.ApplicationBuilder.Eventing.Subscribe<ConnectionStringAvailableEvent>(database, async (_, ct) =>
            connectionString = await database.ConnectionStringExpression.GetValueAsync(ct));

        var healthCheckKey = $"{name}_check";
        builder.ApplicationBuilder.Services.AddHealthChecks().AddNpgSql(
            _ => (connectionString ?? throw new InvalidOperationException("Connection string is unavailable")) + ";" + HealthCheckPool,
            name: healthCheckKey);

        return builder.ApplicationBuilder.AddResource(database)
            .WithInitialState(new() { ResourceType = "PostgresDatabase", State = KnownResourceStates.Waiting, Properties = [] })
            .WithHealthCheck(healthCheckKey);
    }

    private static async Task PrepareClusterAsync(PostgresServerResource server, string bin, CancellationToken cancellationToken)
    {
        var directory = server.WorkingDirectory;
        if (DebianServers.IsRoot)
        {
            await ServerTools.RunAsync("/usr/bin/chown", [$"{PostgresServerResource.UserName}:", directory], directory, cancellationToken);
        }
        if (!File.Exists(Path.Combine(server.DataDirectory, "PG_VERSION")))
        {
            var (initdb, prefix) = ServerTools.AsUser(PostgresServerResource.UserName, Path.Combine(bin, "initdb"));
            await ServerTools.RunAsync(initdb,
                [.. prefix, "-D", server.DataDirectory, "-U", PostgresServerResource.UserName, "-A", "trust", "-E", "UTF8", "--no-locale"],
                directory, cancellationToken);
        }
    }

    private static async Task CreateDatabasesAsync(PostgresServerResource server, string connectionString, CancellationToken cancellationToken)
    {
        // Unpooled: it runs at each start, and a pooled connection from before a crash is dead.
        await using var connection = new NpgsqlConnection(connectionString + ";Database=postgres;Pooling=false");
        await connection.OpenAsync(cancellationToken);
        foreach (var databaseName in server.Databases.Select(d => d.DatabaseName))
        {
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = databaseName } } };
            if (await exists.ExecuteScalarAsync(cancellationToken) is null)
            {
                var quoted = "\"" + databaseName.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
                await using var create = new NpgsqlCommand(string.Create(CultureInfo.InvariantCulture, $"CREATE DATABASE {quoted}"), connection);
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }
}
