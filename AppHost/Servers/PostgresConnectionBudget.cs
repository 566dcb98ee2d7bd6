namespace Mash.AppHost.Servers;

/// <summary>
/// How PostgreSQL's connections are shared: each service's pool (all it may hold, whatever it does
/// with them), the AppHost's own health checks, and headroom for operators, which together are the
/// server's <c>max_connections</c>. So however busy the services are, PostgreSQL never refuses one
/// of them, and an operator's psql still gets in. README.md's "Connection budget" describes it.
/// </summary>
public sealed class PostgresConnectionBudget
{
    /// <summary>PostgreSQL's <c>superuser_reserved_connections</c> (its default): the last slots, for a superuser only.</summary>
    public const int SuperuserReserved = 3;

    /// <summary>Slots beyond every pool for people: psql, pg_dump, a migration run by hand.</summary>
    public const int ForOperators = 5;

    private readonly Dictionary<string, int> pools = [];
    private int databases;

    /// <summary>Each service's pool (<c>ServiceDefaults:Postgres:MaxPoolSize</c>), by resource name.</summary>
    public IReadOnlyDictionary<string, int> Pools => pools;

    /// <summary>The services' pools together.</summary>
    public int ForServices => pools.Values.Sum();

    /// <summary>
    /// The AppHost's health checks: one connection each for the server's and each database's
    /// (each check's pool holds one), and one for creating the databases at start.
    /// </summary>
    public int ForAppHost => databases + 2;

    /// <summary>What the server is started with: every pool, the AppHost's, and the headroom.</summary>
    public int MaxConnections => ForServices + ForAppHost + ForOperators + SuperuserReserved;

    /// <summary>Gives <paramref name="service"/> a pool of <paramref name="maxPoolSize"/> connections.</summary>
    public void Give(string service, int maxPoolSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoolSize, 3);
        if (!pools.TryAdd(service, maxPoolSize))
        {
            throw new InvalidOperationException($"'{service}' already has a PostgreSQL pool of {pools[service]}.");
        }
    }

    internal void AddDatabase() => databases++;
}
