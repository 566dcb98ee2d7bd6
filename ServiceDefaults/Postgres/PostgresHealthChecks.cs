using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Mash.ServiceDefaults;

/// <summary>Unready until every schema migration is applied: "migrating", "database unreachable", or why one failed.</summary>
internal sealed class MigrationHealthCheck(DatabaseMigrationStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(status.Phase == MigrationPhase.Completed
            ? HealthCheckResult.Healthy(status.Description)
            : new HealthCheckResult(context.Registration.FailureStatus, status.Description));
}

/// <summary>
/// PostgreSQL as the latest background sample saw it (<see cref="OperationsMonitor"/>), in place of
/// a check that asks the pool for a connection on every probe and so, under load, waits behind the
/// requests it reports on: Healthy with connections to spare; Degraded while requests wait for a
/// pooled connection ("pool saturated"); Unhealthy when PostgreSQL refuses, fails or does not answer.
/// </summary>
internal sealed class PostgresPoolHealthCheck(OperationsMonitor monitor, IOptions<OperationsOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = await monitor.CurrentAsync(cancellationToken);
        if (snapshot.Database is not { } database)
        {
            return HealthCheckResult.Healthy();
        }
        return database.State switch
        {
            DatabaseState.Reachable => HealthCheckResult.Healthy(database.Pool is { } pool ? $"{pool.Used} of {pool.Max} connections in use" : null),
            DatabaseState.Saturated => HealthCheckResult.Degraded(Saturated(database.Pool)),
            // The exception's message names host and port: /health leaves it out (HealthEndpoints).
            _ when database.Failure is { } failure => new HealthCheckResult(context.Registration.FailureStatus, failure.Message, failure),
            _ => new HealthCheckResult(context.Registration.FailureStatus, $"no answer within {options.Value.ProbeTimeout.TotalSeconds:0.###} s"),
        };
    }

    private static string Saturated(PoolUsage? pool) => pool is null
        ? "pool saturated"
        : $"pool saturated: {pool.Waiting} waiting for a connection, {pool.Used} of {pool.Max} in use";
}
