using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mash.ServiceDefaults;

/// <summary>
/// A check that answers within <paramref name="timeout"/> whatever the check it wraps does: a
/// client library's check that waits on a slow server, or ignores its cancellation token, would
/// otherwise hold <c>/health</c> and grpc.health.v1 for as long. Past the bound it fails with the
/// check's failure status, saying so.
/// </summary>
internal sealed class BoundedHealthCheck(IHealthCheck inner, TimeSpan timeout) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(timeout);
        try
        {
            return await inner.CheckHealthAsync(context, bound.Token).WaitAsync(bound.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"no answer within {timeout.TotalSeconds:0.###} s");
        }
    }
}
