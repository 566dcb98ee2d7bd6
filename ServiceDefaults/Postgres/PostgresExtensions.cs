using System.Diagnostics;
using Grpc.AspNetCore.Server;
using System.Data.Common;
using System.Reflection;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Mash.ServiceDefaults;

public static class PostgresExtensions
{
    /// <summary>Statements each connection keeps prepared, unless the connection string says (<c>Max Auto Prepare</c>).</summary>
    public const int DefaultMaxAutoPrepare = 50;
    private const string MaxAutoPrepareKeyword = "maxautoprepare";
    private const string NoResetOnCloseKeyword = "noresetonclose";

    /// <summary>
    /// The service's own database through Aspire.Npgsql: an <see cref="NpgsqlDataSource"/> over
    /// <c>ConnectionStrings:{connectionName}</c>, with its health check, traces and metrics, that
    /// names the service in <c>pg_stat_activity</c>, prepares the statements it runs all day and hands
    /// connections back to the pool without resetting their (unused) session state. Its
    /// pool is the service's whole budget of connections (<see cref="PostgresPoolOptions"/>). A
    /// gRPC call whose handler fails because the database is unreachable ends UNAVAILABLE
    /// (<see cref="DatabaseUnavailableInterceptor"/>) rather than UNKNOWN. A second call is a
    /// no-op, so a service may call this before or after AddDatabaseMigrations.
    /// </summary>
    public static TBuilder AddServiceDatabase<TBuilder>(this TBuilder builder, string connectionName = "postgres", Action<NpgsqlDataSourceBuilder>? configure = null)
        where TBuilder : IHostApplicationBuilder
    {
        if (builder.Services.Any(d => d.ServiceType == typeof(NpgsqlDataSource)))
        {
            return builder;
        }
        var applicationName = builder.Environment.ApplicationName;
        var pool = PostgresPoolOptions.Read(builder.Configuration, connectionName);
        builder.AddNpgsqlDataSource(connectionName, configureDataSourceBuilder: dataSource =>
        {
            var connection = dataSource.ConnectionStringBuilder;
            connection.ApplicationName ??= applicationName;
            // Every connection the service holds comes from this pool, so it never holds more than
            // its share of PostgreSQL's max_connections; an open beyond it waits, at most the
            // timeout, then fails as "unavailable" (UNAVAILABLE to a gRPC caller, a retry later
            // to a consumer) rather than hanging.
            connection.MaxPoolSize = pool.MaxPoolSize;
            connection.Timeout = (int)Math.Ceiling(pool.ConnectionTimeout.TotalSeconds);
            // A service runs the same few statements all day (group commits, the outbox, its
            // consumers): prepared on each connection after a few uses, PostgreSQL parses and plans
            // them once rather than on every call. A connection string may set its own.
            if (!Sets(dataSource.ConnectionString, MaxAutoPrepareKeyword))
            {
                connection.MaxAutoPrepare = DefaultMaxAutoPrepare;
            }
            // The services leave no session state on a connection (no SET, LISTEN, temporary table,
            // or advisory lock held past its use), so the seven statements Npgsql sends to reset each
            // connection handed back to the pool would be pure cost: half the statements Triage and
            // Outcomes ran during an import (BENCHMARKS.md). An open transaction is still rolled back.
            if (!Sets(dataSource.ConnectionString, NoResetOnCloseKeyword))
            {
                connection.NoResetOnClose = true;
            }
            // A command outside any trace is a background poll (the outbox, a consumer's inbox, a
            // health check): as a span of its own every 200 ms it would bury the traces people look for.
            dataSource.ConfigureTracing(tracing => tracing
                .ConfigureCommandFilter(_ => Activity.Current is not null)
                .ConfigureBatchFilter(_ => Activity.Current is not null));
            configure?.Invoke(dataSource);
        });
        builder.Services.TryAddSingleton<DbDataSource>(services => services.GetRequiredService<NpgsqlDataSource>());
        builder.Services.TryAddSingleton(pool);
        // Registered with the data source, so every service that talks to PostgreSQL answers its
        // outages the same way; services add theirs later, so this one usually runs outside them.
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<UnavailableLogThrottle>();
        builder.Services.TryAddSingleton<DatabaseUnavailableInterceptor>();
        builder.Services.Configure<GrpcServiceOptions>(options => options.Interceptors.Add<DatabaseUnavailableInterceptor>());
        return builder;
    }

    /// <summary>
    /// Schema migrations applied at start, in <see cref="Migration.Version"/> order, each once:
    /// a hosted service waits for the database (retrying), takes a PostgreSQL advisory lock so
    /// replicas starting together do not race, applies each pending script in its own transaction
    /// and records it in <c>schema_migrations</c>. Until it is done the "postgres-migrations" check
    /// is Unhealthy ("migrating", "database unreachable"), and bus consumers wait. Calls
    /// <see cref="AddServiceDatabase{TBuilder}"/> if the service has not.
    /// </summary>
    public static TBuilder AddDatabaseMigrations<TBuilder>(this TBuilder builder, params Migration[] migrations)
        where TBuilder : IHostApplicationBuilder
    {
        builder.AddServiceDatabase();
        var set = MigrationSet.Create(migrations);
        if (builder.Services.Any(d => d.ServiceType == typeof(MigrationSet)))
        {
            throw new InvalidOperationException("AddDatabaseMigrations was called twice: pass every migration in one call.");
        }
        builder.Services.AddSingleton(set);
        builder.Services.AddSingleton<DatabaseMigrationStatus>();
        builder.Services.AddHostedService<MigrationRunner>();
        builder.Services.AddHealthChecks()
            .AddCheck<MigrationHealthCheck>("postgres-migrations", tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }

    /// <summary>
    /// Schema migrations from <c>.sql</c> files embedded in <paramref name="assembly"/>, named
    /// <c>NNNN_what_it_does.sql</c> (<c>&lt;EmbeddedResource Include="Migrations/*.sql" /&gt;</c>);
    /// see <see cref="Migration.FromEmbeddedResources"/>.
    /// </summary>
    public static TBuilder AddDatabaseMigrations<TBuilder>(this TBuilder builder, Assembly assembly)
        where TBuilder : IHostApplicationBuilder =>
        builder.AddDatabaseMigrations([.. Migration.FromEmbeddedResources(assembly)]);

    /// <summary>Whether the connection string names the keyword itself (Npgsql accepts it in any case, with or without spaces).</summary>
    private static bool Sets(string connectionString, string keyword) =>
        new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Any(key => key.Replace(" ", "", StringComparison.Ordinal).Equals(keyword, StringComparison.OrdinalIgnoreCase));
}
