using System.Text.Json;
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
    /// Where a restarted service's start goes: under <c>dotnet run</c> (the orchestrator's process
    /// <paramref name="orchestrated"/>), until the service's own process runs; then until
    /// <c>/health</c> on its management port answers at all (Kestrel listening), until each of its
    /// checks first passes, and until it answers 200.
    /// </summary>
    public async Task<ServiceStart> UntilServiceReadyAsync(string service, int orchestrated, CancellationToken cancellationToken)
    {
        var underDotnetRun = IsDotnetRun(orchestrated);
        var health = UntilHealthyAsync(service, cancellationToken);
        DateTimeOffset? processUpAt = underDotnetRun ? await UntilServiceProcessAsync(orchestrated, cancellationToken) : null;
        var (answeringAt, checksPassedAt, healthyAt) = await health;
        return new ServiceStart(underDotnetRun ? "dotnet run" : "its build output", processUpAt, answeringAt, checksPassedAt, healthyAt);
    }

    /// <summary>Whether the process is <c>dotnet run</c> (the service then runs as its child), not the service itself.</summary>
    public static bool IsDotnetRun(int pid) => CommandLine(pid) is [_, "run", ..];

    /// <summary>The process's arguments as /proc gives them; empty once it has gone.</summary>
    public static IReadOnlyList<string> CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private async Task<(DateTimeOffset AnsweringAt, IReadOnlyDictionary<string, DateTimeOffset> ChecksPassedAt, DateTimeOffset HealthyAt)> UntilHealthyAsync(
        string service, CancellationToken cancellationToken)
    {
        var health = new Uri(platform.App.GetEndpoint(service, "http"), "/health");
        using var http = new HttpClient { Timeout = ProbeTimeout };
        DateTimeOffset? answeringAt = null;
        var passedAt = new Dictionary<string, DateTimeOffset>();
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(health, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                var now = DateTimeOffset.UtcNow;
                answeringAt ??= now;
                // ServiceDefaults' report: {"status": …, "checks": {"<name>": {"status": "Healthy|Degraded|Unhealthy", …}}}; 200 unless one is Unhealthy.
                using var report = JsonDocument.Parse(body);
                foreach (var check in report.RootElement.GetProperty("checks").EnumerateObject())
                {
                    if (check.Value.GetProperty("status").GetString() is "Healthy" or "Degraded")
                    {
                        passedAt.TryAdd(check.Name, now);
                    }
                }
                if (response.IsSuccessStatusCode)
                {
                    return (answeringAt.Value, passedAt, now);
                }
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // Not listening yet (the proxy resets the connection), or no report yet.
            }
            await Task.Delay(Interval, cancellationToken);
        }
    }

    /// <summary>Until the service's own process runs under the orchestrator's <c>dotnet run</c> (pid <paramref name="dotnetRun"/>); the moment it was seen.</summary>
    private static async Task<DateTimeOffset> UntilServiceProcessAsync(int dotnetRun, CancellationToken cancellationToken)
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
