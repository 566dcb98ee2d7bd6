using Mash.AppHost.Identity;

namespace Mash.AppHost.Services;

public static class WebPageBuilderExtensions
{
    /// <summary>
    /// A web page people open in a browser (the board's): its project with the <c>http</c> launch
    /// profile, served with <c>/health</c> on that one HTTP/1.1 endpoint (ServiceDefaults' management
    /// listener; it serves no gRPC), healthy once <c>/health</c> answers, launched from its build
    /// output, its address printed on the console, restarted with back-off; and the AppHost's <c>Authentication</c> section, so it checks
    /// staff tokens as the services do.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddWebPage<TProject>(this IDistributedApplicationBuilder builder, [ResourceName] string name)
        where TProject : IProjectMetadata, new()
    {
        var page = builder.AddProject<TProject>(name, launchProfileName: "http")
            .WithExternalHttpEndpoints()
            .WithTargetPortsOfItsOwn(ServiceBuilderExtensions.ManagementEndpointName);
        return page
            .WithEnvironment(context =>
            {
                // ServiceDefaults listens on the Kestrel endpoints it is given by name, not ASPNETCORE_URLS.
                context.EnvironmentVariables.Remove("ASPNETCORE_URLS");
                var endpoint = page.GetEndpoint(ServiceBuilderExtensions.ManagementEndpointName);
                context.EnvironmentVariables[$"Kestrel__Endpoints__{ServiceBuilderExtensions.ManagementEndpointName}__Url"] =
                    ReferenceExpression.Create($"http://{endpoint.EndpointAnnotation.TargetHost}:{endpoint.Property(EndpointProperty.TargetPort)}");
                foreach (var (variable, value) in StaffIdentity.EnvironmentOf(builder.Configuration))
                {
                    context.EnvironmentVariables[variable] = value;
                }
            })
            .WithServiceHealthCheck(ServiceBuilderExtensions.ManagementEndpointName)
            .WithBuiltOutputLaunch()
            .WithPageAnnouncement()
            .WithRestartOnFailure();
    }
}
