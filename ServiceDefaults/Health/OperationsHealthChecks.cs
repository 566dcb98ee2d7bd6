using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Mash.ServiceDefaults;

/// <summary>
/// The outbox as the latest sample saw it: Healthy while events leave in time, Degraded once the
/// oldest waiting event is older than <see cref="OperationsOptions.OutboxMaxAge"/> (the bus is down
/// or the dispatcher cannot keep up). Events still go out: a backlog never makes the service unready.
/// </summary>
internal sealed class OutboxHealthCheck(OperationsMonitor monitor, IOptions<OperationsOptions> options) : IHealthCheck
{
    public const string Name = "outbox";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = await monitor.CurrentAsync(cancellationToken);
        if (snapshot.Database?.Outbox is not { } backlog)
        {
            // Before the migrations, or while the database cannot be read ("PostgreSql" says so).
            return HealthCheckResult.Healthy("not read yet");
        }
        var limit = options.Value.OutboxMaxAge;
        return backlog.OldestAge > limit
            ? HealthCheckResult.Degraded($"{backlog.Waiting} events waiting, the oldest for {Seconds(backlog.OldestAge)} (over {Seconds(limit)})")
            : HealthCheckResult.Healthy($"{backlog.Waiting} events waiting");
    }

    private static string Seconds(TimeSpan span) => $"{span.TotalSeconds:0} s";
}

/// <summary>
/// The service's queues as the latest sample saw them: Unhealthy while RabbitMQ cannot be reached,
/// Degraded while any <c>_error</c> queue holds messages (consumers failed them through every
/// retry; an operator inspects them and moves them back), otherwise Healthy with the messages waiting.
/// </summary>
internal sealed class QueuesHealthCheck(OperationsMonitor monitor) : IHealthCheck
{
    public const string Name = "rabbitmq-queues";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = await monitor.CurrentAsync(cancellationToken);
        if (snapshot.Queues is not { } queues)
        {
            return HealthCheckResult.Healthy();
        }
        if (!queues.IsReachable)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "broker unreachable", queues.Failure);
        }
        var failed = queues.Depths.Where(q => q.IsErrorQueue && q.Messages > 0).ToList();
        if (failed.Count > 0)
        {
            return HealthCheckResult.Degraded(string.Join(", ", failed.Select(q => $"{q.Messages} in {q.Queue}")));
        }
        return HealthCheckResult.Healthy($"{queues.Depths.Sum(q => q.Messages)} messages waiting");
    }
}

/// <summary>
/// The background sample itself: Degraded once the latest is older than
/// <see cref="OperationsOptions.StaleAfter"/>, so a sampler held up (a call to a dependency that
/// outlives its timeout) shows on the dashboard, rather than the checks above repeating a picture
/// that no longer holds.
/// </summary>
internal sealed class SamplingHealthCheck(OperationsMonitor monitor, IOptions<OperationsOptions> options, TimeProvider time) : IHealthCheck
{
    public const string Name = "sampling";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!monitor.KeepsSampling)
        {
            return HealthCheckResult.Healthy();
        }
        var snapshot = await monitor.CurrentAsync(cancellationToken);
        return Judge(snapshot.TakenAt, time.GetUtcNow(), options.Value.StaleAfter);
    }

    internal static HealthCheckResult Judge(DateTimeOffset takenAt, DateTimeOffset now, TimeSpan staleAfter) =>
        now - takenAt > staleAfter
            ? HealthCheckResult.Degraded($"the database and queues were last sampled {(now - takenAt).TotalSeconds:0} s ago (over {staleAfter.TotalSeconds:0} s): the checks above may be out of date")
            : HealthCheckResult.Healthy();
}
