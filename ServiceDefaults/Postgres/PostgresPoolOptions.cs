using System.Data.Common;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Mash.ServiceDefaults;

/// <summary>
/// Settings under <c>ServiceDefaults:Postgres</c>: the service's share of PostgreSQL's connections.
/// Every connection the service holds (gRPC calls, group commits, consumers, the outbox dispatcher,
/// health checks, migrations) comes from one pool of at most <see cref="MaxPoolSize"/>, so the
/// services' pools added up are what PostgreSQL must accept (the AppHost sizes its
/// <c>max_connections</c> from the same numbers). A connection string's own <c>Maximum Pool Size</c>
/// or <c>Timeout</c> wins over these.
/// </summary>
public sealed class PostgresPoolOptions
{
    public const string SectionName = "ServiceDefaults:Postgres";

    public const int DefaultMaxPoolSize = 20;

    /// <summary>
    /// Connections every service keeps from its consumers for background work: the outbox
    /// dispatcher's one and a health check's one.
    /// </summary>
    public const int BackgroundConnections = 2;

    /// <summary>The most connections the service holds at once; a further open waits for one to be returned.</summary>
    public int MaxPoolSize { get; set; } = DefaultMaxPoolSize;

    /// <summary>
    /// How long opening a connection may take, waiting for the pool to hand one back or for the
    /// server to answer, before it fails (Npgsql's <c>Timeout</c>). Short, so a gRPC call on a
    /// saturated pool or a hung server is answered UNAVAILABLE in seconds rather than hanging, and
    /// a consumer's message is retried later.
    /// </summary>
    public TimeSpan ConnectionTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public const string Requirement = "ServiceDefaults:Postgres:MaxPoolSize must be from 3 to 1000 and ServiceDefaults:Postgres:ConnectionTimeout from 1 s to 5 min.";

    public bool IsUsable => MaxPoolSize is >= 3 and <= 1000 && ConnectionTimeout >= TimeSpan.FromSeconds(1) && ConnectionTimeout <= TimeSpan.FromMinutes(5);

    /// <summary>
    /// The settings as the service's data source applies them: <c>ServiceDefaults:Postgres</c>,
    /// unless <c>ConnectionStrings:{connectionName}</c> names its own pool size or timeout.
    /// </summary>
    public static PostgresPoolOptions Read(IConfiguration configuration, string connectionName = "postgres")
    {
        var options = new PostgresPoolOptions();
        configuration.GetSection(SectionName).Bind(options);
        if (!options.IsUsable)
        {
            throw new InvalidOperationException(Requirement);
        }
        if (configuration.GetConnectionString(connectionName) is { Length: > 0 } connectionString)
        {
            var connection = new NpgsqlConnectionStringBuilder(connectionString);
            if (Sets(connectionString, "maximumpoolsize", "maxpoolsize"))
            {
                options.MaxPoolSize = connection.MaxPoolSize;
            }
            if (Sets(connectionString, "timeout"))
            {
                options.ConnectionTimeout = TimeSpan.FromSeconds(connection.Timeout);
            }
        }
        return options;
    }

    /// <summary>Whether the connection string names one of the keywords itself (Npgsql accepts them in any case, with or without spaces).</summary>
    internal static bool Sets(string connectionString, params string[] keywords) =>
        new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(key => key.Replace(" ", "", StringComparison.Ordinal))
            .Any(key => keywords.Contains(key, StringComparer.OrdinalIgnoreCase));
}
