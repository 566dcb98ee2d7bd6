using Grpc.AspNetCore.HealthChecks;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Mash.ServiceDefaults;

/// <summary>
/// grpc.health.v1 as the platform's own runtime served it, on Grpc.AspNetCore.HealthChecks: a
/// Check or Watch naming any gRPC service the host maps (<c>mash.intake.v1.IntakeService</c>, as
/// <c>grpc_health_probe -service=...</c> sends it) answers from the same checks as the server as a
/// whole (""), not NOT_FOUND; and Watch hears a change within seconds, not at the publisher's
/// default 30 s period.
/// </summary>
internal static class GrpcHealthServices
{
    /// <summary>How often the checks run for Watch calls (Check runs them on demand).</summary>
    internal static readonly TimeSpan WatchPeriod = TimeSpan.FromSeconds(5);

    internal static void AddGrpcHealthServices(this IServiceCollection services)
    {
        services.AddGrpcHealthChecks();
        services.AddTransient<IStartupFilter, MapEveryGrpcService>();
        services.Configure<HealthCheckPublisherOptions>(publisher => publisher.Period = WatchPeriod);
    }

    // Runs once the request pipeline is built, when Program.cs has mapped all its services
    // (whichever order it called MapDefaultEndpoints and MapGrpcService in), and before Kestrel
    // takes a call; the options were already read then (the checks' publisher starts first), so
    // the mappings are added to that instance.
    private sealed class MapEveryGrpcService(EndpointDataSource endpoints, IOptions<GrpcHealthChecksOptions> options) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            var mappings = options.Value.Services;
            var mapped = mappings.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
            var services = endpoints.Endpoints
                .Select(e => e.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method.ServiceName)
                .OfType<string>();
            foreach (var service in services.Where(mapped.Add))
            {
                mappings.Map(service, _ => true);
            }
        };
    }
}
