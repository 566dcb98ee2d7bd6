using MashGrpc.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MashGrpc.Health;

public static class GrpcHealthChecksExtensions
{
    /// <summary>
    /// Adds grpc.health.v1 fed by ASP.NET Core health checks (published every few seconds for Watch);
    /// returns the health checks builder to add checks to.
    /// </summary>
    public static IHealthChecksBuilder AddGrpcHealthChecks(this IServiceCollection services, TimeSpan? publishPeriod = null)
    {
        services.TryAddSingleton<GrpcHealthStatus>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHealthCheckPublisher, HealthCheckStatusPublisher>());
        services.Configure<HealthCheckPublisherOptions>(o =>
        {
            o.Delay = TimeSpan.Zero;
            o.Period = publishPeriod ?? TimeSpan.FromSeconds(5);
        });
        return services.AddHealthChecks();
    }

    public static IEndpointConventionBuilder MapGrpcHealthChecksService(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGrpcService<HealthServiceImpl>();
}
