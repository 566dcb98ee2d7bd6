using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Mash.AppHost.Restarts;

public static class RestartOnFailureExtensions
{
    /// <summary>
    /// Restarts the resource (a project or an executable) with back-off
    /// (<see cref="RestartBackoff.Default"/> unless given) whenever it exits without being asked to:
    /// Aspire's orchestrator supervises processes but restarts none by itself. A stop from the
    /// dashboard (Stop, Restart) or the AppHost's shutdown is respected. The dashboard shows the
    /// count as the resource's "Restarts" property.
    /// </summary>
    public static IResourceBuilder<T> WithRestartOnFailure<T>(this IResourceBuilder<T> builder, RestartBackoff? backoff = null)
        where T : IResource
    {
        var services = builder.ApplicationBuilder.Services;
        if (!services.Any(d => d.ServiceType == typeof(RestartSupervisor)))
        {
            services.AddSingleton<RestartSupervisor>();
            services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<RestartSupervisor>());
        }
        var annotation = new RestartOnFailureAnnotation(backoff ?? RestartBackoff.Default);
        builder.ApplicationBuilder.Eventing.Subscribe<BeforeResourceStartedEvent>(builder.Resource, (e, _) =>
        {
            e.Services.GetRequiredService<RestartSupervisor>().WatchStopCommands(e.Resource, annotation.Backoff);
            return Task.CompletedTask;
        });
        return builder.WithAnnotation(annotation, ResourceAnnotationMutationBehavior.Replace);
    }
}
