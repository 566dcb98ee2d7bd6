using Mash.Testing.Servers;

namespace IntakeBenchmark;

/// <summary>
/// PostgreSQL and (when Intake runs) RabbitMQ as real processes, from Mash.Testing, with their state
/// under one temp directory that goes when this is disposed. PostgreSQL runs with fsync on, as a
/// real server does, so a commit waits for its WAL flush and an acknowledged contact is on disk.
/// </summary>
internal sealed class Servers : IAsyncDisposable
{
    private readonly ServerSet set = new("mash-intake-benchmark-");
    private PostgresServer? postgres;

    private Servers()
    {
    }

    public PostgresServer Postgres => postgres ?? throw new InvalidOperationException("Not started.");

    public RabbitMqServer? RabbitMq { get; private set; }

    public static async Task<Servers> StartAsync(bool withRabbitMq)
    {
        var servers = new Servers();
        // fsync on: the figures are for contacts durably acknowledged, as in production.
        await servers.set.StartTogetherAsync(
            async () => servers.postgres = await servers.set.StartAsync(root => PostgresServer.StartAsync(root, durable: true)),
            async () => servers.RabbitMq = withRabbitMq ? await servers.set.StartAsync(RabbitMqServer.StartAsync) : null);
        return servers;
    }

    /// <summary>
    /// Writes out what earlier parts of the run left dirty (a CHECKPOINT), so the part measured next
    /// pays for its own writes only, not for flushing the previous part's gigabyte of WAL.
    /// </summary>
    public async Task CheckpointAsync()
    {
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(Postgres.ConnectionString());
        await using var command = dataSource.CreateCommand("CHECKPOINT");
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
    }

    // Both the normal end and a Ctrl+C may get here; the set stops its servers once.
    public ValueTask DisposeAsync() => set.DisposeAsync();
}
