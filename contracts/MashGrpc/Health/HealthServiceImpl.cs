using System.Threading.Channels;
using MashGrpc.Core;
using MashGrpc.Health.V1;
using MashGrpc.Server;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ServingStatus = MashGrpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace MashGrpc.Health;

/// <summary>grpc.health.v1.Health: Check runs the health checks now; Watch streams the published status.</summary>
internal sealed class HealthServiceImpl(GrpcHealthStatus health, GrpcServiceRegistry registry, HealthCheckService checks) : V1.Health.HealthBase
{
    public override async Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        if (!IsKnown(request.Service))
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"Service '{request.Service}' is unknown."));
        }
        var report = await checks.CheckHealthAsync(context.CancellationToken);
        return new HealthCheckResponse { Status = HealthCheckStatusPublisher.ToServingStatus(report.Status) };
    }

    public override async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responseStream, ServerCallContext context)
    {
        var changes = Channel.CreateUnbounded<ServingStatus>();
        using var subscription = health.Subscribe((service, status) =>
        {
            if (service == request.Service)
            {
                changes.Writer.TryWrite(status);
            }
        });
        var current = health.Get(request.Service) ?? await StatusBeforeFirstPublicationAsync(request.Service, context.CancellationToken);
        await responseStream.WriteAsync(new HealthCheckResponse { Status = current });
        try
        {
            await foreach (var status in changes.Reader.ReadAllAsync(context.CancellationToken))
            {
                if (status != current)
                {
                    current = status;
                    await responseStream.WriteAsync(new HealthCheckResponse { Status = status });
                }
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The watcher went away: the normal end of a Watch.
        }
    }

    // A Watch that arrives before the first report is published (just after start) gets what Check would say.
    private async Task<ServingStatus> StatusBeforeFirstPublicationAsync(string service, CancellationToken cancellationToken) =>
        IsKnown(service)
            ? HealthCheckStatusPublisher.ToServingStatus((await checks.CheckHealthAsync(cancellationToken)).Status)
            : ServingStatus.ServiceUnknown;

    private bool IsKnown(string service) =>
        service.Length == 0 || health.Get(service) is not null || registry.Services.Any(s => s.FullName == service);
}
