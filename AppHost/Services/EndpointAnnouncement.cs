using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mash.AppHost.Services;

internal static class EndpointAnnouncement
{
    /// <summary>
    /// Writes the service's gRPC and management URLs to the AppHost's console once the orchestrator
    /// has given them ports: on a second stack every port is random, and a client needs them without
    /// a browser to read the dashboard.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithEndpointAnnouncement(this IResourceBuilder<ProjectResource> service)
    {
        service.ApplicationBuilder.Eventing.Subscribe<ResourceEndpointsAllocatedEvent>(service.Resource, (e, _) =>
        {
            var grpc = service.GetEndpoint(ServiceBuilderExtensions.GrpcEndpointName);
            var management = service.GetEndpoint(ServiceBuilderExtensions.ManagementEndpointName);
            e.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EndpointAnnouncement).FullName!)
                .LogInformation("{Service}: gRPC {GrpcUrl}, /health {ManagementUrl}/health", service.Resource.Name, grpc.Url, management.Url);
            return Task.CompletedTask;
        });
        return service;
    }
}
