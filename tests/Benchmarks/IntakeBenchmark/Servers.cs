using Mash.Testing.Servers;

namespace IntakeBenchmark;

/// <summary>
/// PostgreSQL and (when Intake runs) RabbitMQ as real processes, from Mash.Testing, with their state
/// under one temp directory that goes when this is disposed. PostgreSQL runs with fsync on, as a
/// real server does, so a commit waits for its WAL flush and an acknowledged contact is on disk.
/// </summary>
internal sealed class Servers : IAsyncDisposable
{
    private readonly string root;
    private int disposed;

    private Servers(string root, PostgresServer postgres, RabbitMqServer? rabbitMq)
    {
        this.root = root;
        Postgres = postgres;
        RabbitMq = rabbitMq;
    }

    public PostgresServer Postgres { get; }

    public RabbitMqServer? RabbitMq { get; }

    public static async Task<Servers> StartAsync(bool withRabbitMq)
    {
        var root = Directory.CreateTempSubdirectory("mash-intake-benchmark-").FullName;
        // fsync on: the figures are for contacts durably acknowledged, as in production.
        var postgres = PostgresServer.StartAsync(root, durable: true);
        var rabbitMq = StartRabbitMqAsync();
        try
        {
            await Task.WhenAll(postgres, rabbitMq);
            return new Servers(root, postgres.Result, rabbitMq.Result);
        }
        catch
        {
            // Whichever did start must not outlive the run.
            if (postgres.IsCompletedSuccessfully)
            {
                await postgres.Result.DisposeAsync();
            }
            if (rabbitMq.IsCompletedSuccessfully && rabbitMq.Result is { } started)
            {
                await started.DisposeAsync();
            }
            TryDelete(root);
            throw;
        }

        async Task<RabbitMqServer?> StartRabbitMqAsync() => withRabbitMq ? await RabbitMqServer.StartAsync(root) : null;
    }

    public async ValueTask DisposeAsync()
    {
        // Once only: both the normal end and a Ctrl+C may get here.
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }
        if (RabbitMq is not null)
        {
            await RabbitMq.DisposeAsync();
        }
        await Postgres.DisposeAsync();
        TryDelete(root);
    }

    private static void TryDelete(string root)
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A server writing its last log line; the temp directory goes eventually.
        }
    }
}
