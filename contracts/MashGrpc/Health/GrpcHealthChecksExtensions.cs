using MashGrpc.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace MashGrpc.Health;

public static class GrpcHealthChecksExtensions
{
    /// <summary>
    /// Adds grpc.health.v1 fed by ASP.NET Core health checks (run at start, then every <paramref name="publishPeriod"/>,
    /// default 5 s, for Watch);
    /// returns the health checks builder to add checks to.
    /// </summary>
    public static IHealthChecksBuilder AddGrpcHealthChecks(this IServiceCollection services, TimeSpan? publishPeriod = null)
    {
        services.TryAddSingleton<GrpcHealthStatus>();
        services.TryAddSingleton<HealthCheckStatusPublisher>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, HealthCheckStatusPoller>());
        if (publishPeriod is { } period)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero, nameof(publishPeriod));
            services.Configure<HealthCheckStatusPoller.Settings>(o => o.Period = period);
        }
        return services.AddHealthChecks();
    }

    public static IEndpointConventionBuilder MapGrpcHealthChecksService(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGrpcService<HealthServiceImpl>();
}
