namespace Mash.Hosting.ApplicationModel;

public static class ResourceExtensions
{
    public static IEnumerable<EndpointAnnotation> GetEndpoints(this IResource resource) =>
        resource.Annotations.OfType<EndpointAnnotation>();

    public static EndpointAnnotation GetEndpoint(this IResource resource, string name) =>
        resource.GetEndpoints().SingleOrDefault(e => e.Name == name)
        ?? throw new InvalidOperationException($"Resource '{resource.Name}' has no endpoint '{name}'.");

    public static IEnumerable<IResource> GetWaitDependencies(this IResource resource) =>
        resource.Annotations.OfType<WaitAnnotation>().Select(w => w.Resource).Distinct();

    public static HealthCheckAnnotation? GetHealthCheck(this IResource resource) =>
        resource.Annotations.OfType<HealthCheckAnnotation>().FirstOrDefault();

    public static string GetResourceType(this IResource resource) =>
        resource is Resource r ? r.ResourceType : resource.GetType().Name;
}
