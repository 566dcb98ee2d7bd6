using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Mash.AppHost.Restarts;

public static class RestartOnFailureExtensions
{
    /// <summary>
    /// Restarts the resource with back-off (<see cref="RestartBackoff.Default"/> unless given)
    /// whenever it exits without being asked to: Aspire's orchestrator supervises processes but
    /// restarts none by itself. A stop from the dashboard or the AppHost's shutdown is respected.
    /// The dashboard shows the count as the resource's "restarts" property.
    /// </summary>
    public static IResourceBuilder<T> WithRestartOnFailure<T>(this IResourceBuilder<T> builder, RestartBackoff? backoff = null)
        where T : IResource
    {
        builder.ApplicationBuilder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RestartSupervisor>());
        return builder.WithAnnotation(new RestartOnFailureAnnotation(backoff ?? RestartBackoff.Default), ResourceAnnotationMutationBehavior.Replace);
    }
}
