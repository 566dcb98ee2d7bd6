using Mash.AppHost.Tests.Support;
using Npgsql;
using RabbitMQ.Client;
using StackExchange.Redis;

namespace Mash.AppHost.Tests.Faults;

/// <summary>
/// Whether a resource serves, asked in its own protocol: a service's grpc.health.v1 Check answers
/// SERVING (its database migrated and reachable, its bus connected), PostgreSQL runs a query, Redis
/// answers PING, RabbitMQ completes an AMQP handshake.
/// </summary>
internal sealed class Probes(RunningPlatform platform)
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    public async Task<bool> ServesAsync(string resource, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            return resource switch
            {
                "postgres" => await PostgresAsync(timeout.Token),
                "redis" => await RedisAsync(timeout.Token),
                "rabbitmq" => await RabbitMqAsync(timeout.Token),
                _ => await GrpcHealth.CheckAsync(platform.App.GetEndpoint(resource, "grpc")).WaitAsync(timeout.Token) == GrpcHealth.Serving,
            };
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Asks every <see cref="Interval"/> until the resource serves; the moment it first did.</summary>
    public async Task<DateTimeOffset> UntilServingAsync(string resource, CancellationToken cancellationToken)
    {
        while (!await ServesAsync(resource, cancellationToken))
        {
            await Task.Delay(Interval, cancellationToken);
        }
        return DateTimeOffset.UtcNow;
    }

    /// <summary>
    /// Until the service answers its health check at all (SERVING or not: Kestrel is listening and
    /// the process runs the service's code); the moment it first did.
    /// </summary>
    public async Task<DateTimeOffset> UntilAnsweringAsync(string service, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(ProbeTimeout);
            try
            {
                if (await GrpcHealth.CheckAsync(platform.App.GetEndpoint(service, "grpc")).WaitAsync(timeout.Token) is not "grpc-status none")
                {
                    return DateTimeOffset.UtcNow;
                }
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // Not listening yet (the proxy resets the call).
            }
            await Task.Delay(Interval, cancellationToken);
        }
    }

    /// <summary>Until the service's own process runs under the orchestrator's <c>dotnet run</c> (pid <paramref name="dotnetRun"/>); the moment it was seen.</summary>
    public static async Task<DateTimeOffset> UntilServiceProcessAsync(int dotnetRun, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                if (ProcessTree.Children(dotnetRun).Count > 0)
                {
                    return DateTimeOffset.UtcNow;
                }
            }
            catch (DirectoryNotFoundException)
            {
                // `dotnet run` ended: the serving probe will say why.
            }
            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }
    }

    /// <summary>Until all five services serve at once; the moment they did.</summary>
    public async Task<DateTimeOffset> UntilEveryServiceServingAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var answers = await Task.WhenAll(RunningPlatform.Services.Select(s => ServesAsync(s, cancellationToken)));
            if (answers.All(serving => serving))
            {
                return DateTimeOffset.UtcNow;
            }
            await Task.Delay(Interval, cancellationToken);
        }
    }

    private async Task<bool> PostgresAsync(CancellationToken cancellationToken)
    {
        // No pool: a pooled connection to the killed server would answer for the dead one.
        await using var connection = new NpgsqlConnection(await ConnectionStringAsync("postgres") + ";Pooling=false");
        await connection.OpenAsync(cancellationToken);
        await using var query = new NpgsqlCommand("SELECT 1", connection);
        return await query.ExecuteScalarAsync(cancellationToken) is 1;
    }

    private async Task<bool> RedisAsync(CancellationToken cancellationToken)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(await ConnectionStringAsync("redis") + ",connectTimeout=3000");
        await redis.GetDatabase().PingAsync().WaitAsync(cancellationToken);
        return true;
    }

    private async Task<bool> RabbitMqAsync(CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = new Uri(await ConnectionStringAsync("rabbitmq")), RequestedConnectionTimeout = ProbeTimeout };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        return connection.IsOpen;
    }

    private async Task<string> ConnectionStringAsync(string resource) =>
        await platform.App.GetConnectionStringAsync(resource) ?? throw new InvalidOperationException($"'{resource}' has no connection string.");
}
