using MashGrpc.Server;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ServingStatus = MashGrpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace MashGrpc.Health;

/// <summary>
/// Feeds ASP.NET Core's periodic health reports into the gRPC health status: the whole server
/// ("") and each mapped service serve while every check is Healthy or Degraded.
/// </summary>
internal sealed class HealthCheckStatusPublisher(GrpcHealthStatus health, GrpcServiceRegistry registry) : IHealthCheckPublisher
{
    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        var status = ToServingStatus(report.Status);
        health.Set("", status);
        foreach (var service in registry.Services)
        {
            health.Set(service.FullName, status);
        }
        return Task.CompletedTask;
    }

    public static ServingStatus ToServingStatus(HealthStatus status) =>
        status == HealthStatus.Unhealthy ? ServingStatus.NotServing : ServingStatus.Serving;
}
