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
            Logger(e.Services).LogInformation("{Service}: gRPC {GrpcUrl}, /health {ManagementUrl}/health", service.Resource.Name, grpc.Url, management.Url);
            return Task.CompletedTask;
        });
        return service;
    }

    /// <summary>
    /// Writes a web page's address to the AppHost's console once it has its port, as a service's are:
    /// on a second stack it is random too, and the board's page is what a newcomer opens first.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithPageAnnouncement(this IResourceBuilder<ProjectResource> page)
    {
        page.ApplicationBuilder.Eventing.Subscribe<ResourceEndpointsAllocatedEvent>(page.Resource, (e, _) =>
        {
            var http = page.GetEndpoint(ServiceBuilderExtensions.ManagementEndpointName);
            Logger(e.Services).LogInformation("{Page}: page {PageUrl}", page.Resource.Name, http.Url);
            return Task.CompletedTask;
        });
        return page;
    }

    private static ILogger Logger(IServiceProvider services) =>
        services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EndpointAnnouncement).FullName!);
}
