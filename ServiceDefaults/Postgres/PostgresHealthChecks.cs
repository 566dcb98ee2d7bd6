using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mash.ServiceDefaults;

/// <summary>Unready until every schema migration is applied: "migrating", "database unreachable", or why one failed.</summary>
internal sealed class MigrationHealthCheck(DatabaseMigrationStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(status.Phase == MigrationPhase.Completed
            ? HealthCheckResult.Healthy(status.Description)
            : new HealthCheckResult(context.Registration.FailureStatus, status.Description));
}
