using Npgsql;

namespace Mash.Testing.Servers;

/// <summary>A throwaway PostgreSQL cluster on a free loopback port (ENVIRONMENT.md's commands).</summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string InstallHint = "apt-get install -y postgresql";
    private readonly string directory;
    private readonly string pgCtl;

    private readonly bool durable;

    private PostgresServer(string directory, string pgCtl, int port, bool durable)
    {
        this.directory = directory;
        this.pgCtl = pgCtl;
        this.durable = durable;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Superuser connection string for <paramref name="database"/>.</summary>
    public string ConnectionString(string database = "postgres", int? port = null) =>
        $"Host=127.0.0.1;Port={port ?? Port};Username=postgres;Database={database};Pooling=true;Timeout=5";

    /// <param name="root">The directory the cluster lives under.</param>
    /// <param name="durable">
    /// fsync on, as in production: for benchmarks of durable acknowledgement. Tests leave it off: a
    /// test cluster has nothing to lose, and commits get much cheaper.
    /// </param>
    public static async Task<PostgresServer> StartAsync(string root, bool durable = false)
    {
        var initdb = Processes.Require("PostgreSQL", InstallHint, "/usr/lib/postgresql/*/bin/initdb", "/usr/local/bin/initdb", "/usr/bin/initdb");
        var pgCtl = Path.Combine(Path.GetDirectoryName(initdb)!, "pg_ctl");
        var directory = Path.Combine(root, "postgres");
        Directory.CreateDirectory(directory);
        if (Processes.IsRoot)
        {
            // PostgreSQL refuses to run as root: the cluster belongs to the postgres user, and so
            // must every directory on the way to it (the temp root is 0700).
            await Processes.RunAsync("chown", ["postgres:postgres", root, directory]);
        }
        var port = Processes.FreePort();
        var data = Path.Combine(directory, "data");
        await Processes.RunAsPostgresAsync(initdb, ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale"], TimeSpan.FromSeconds(120));
        var server = new PostgresServer(directory, pgCtl, port, durable);
        await server.PgCtlStartAsync();
        return server;
    }

    /// <summary>
    /// Stops the server as an operator would (<c>pg_ctl stop -m fast</c>: open transactions roll
    /// back, clients are told 57P01 and disconnected), keeping its port and data for
    /// <see cref="StartAgainAsync"/>: PostgreSQL going down under a running service.
    /// </summary>
    public async Task StopAsync()
    {
        await Processes.RunAsPostgresAsync(pgCtl, ["-D", Path.Combine(directory, "data"), "-m", "fast", "-w", "stop"], TimeSpan.FromSeconds(60));
        // This process's idle pooled connections to it are dead now; CreateDatabaseAsync and the
        // like must not pick one up after StartAgainAsync.
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>Starts the server <see cref="StopAsync"/> stopped, on the same port with the same data; returns once it takes connections.</summary>
    public async Task StartAgainAsync()
    {
        await PgCtlStartAsync();
        NpgsqlConnection.ClearAllPools();
    }

    // The log is appended to, so a restarted server's log follows the first run's.
    private Task<string> PgCtlStartAsync() => Processes.RunAsPostgresAsync(pgCtl,
        ["-D", Path.Combine(directory, "data"), "-l", Path.Combine(directory, "log"), "-o", $"-p {Port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync={(durable ? "on" : "off")} -c max_connections=200", "-w", "start"],
        TimeSpan.FromSeconds(60));

    /// <summary>A new, empty database, so each test has its own schema_migrations.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 63)].ToLowerInvariant();
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return name;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await Processes.RunAsPostgresAsync(pgCtl, ["-D", Path.Combine(directory, "data"), "-m", "immediate", "-w", "stop"], TimeSpan.FromSeconds(60));
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            // Already stopped, or stuck: nothing more a test can do; the directory goes anyway.
        }
    }
}
