namespace Mash.Hosting;

/// <summary>WithReference, WaitFor and WithEnvironment, with Aspire's meaning and environment variable names.</summary>
public static class ResourceBuilderExtensions
{
    /// <summary><c>ConnectionStrings__{ConnectionName}</c> = the source's connection string.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithConnectionString> source)
        where T : IResourceWithEnvironment =>
        builder.WithEnvironment(env => env[$"ConnectionStrings__{source.Resource.ConnectionName}"] = source.Resource.GetConnectionString());

    /// <summary><c>services__{name}__{endpoint}__0</c> = the URL of each of the source's endpoints.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithServiceDiscovery> source)
        where T : IResourceWithEnvironment =>
        builder.WithEnvironment(env =>
        {
            foreach (var endpoint in source.Resource.GetEndpoints())
            {
                env[$"services__{source.Resource.Name}__{endpoint.Name}__0"] = endpoint.Url;
            }
        });

    /// <summary>Hold this resource back until <paramref name="dependency"/> is Running and, if it has a health check, Healthy.</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency)
        where T : IResourceWithWaitSupport
    {
        builder.Resource.Annotations.Add(new WaitAnnotation(dependency.Resource));
        return builder;
    }

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, string value)
        where T : IResourceWithEnvironment =>
        builder.WithEnvironment(env => env[name] = value);

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, Action<IDictionary<string, string>> callback)
        where T : IResourceWithEnvironment
    {
        builder.Resource.Annotations.Add(new EnvironmentCallbackAnnotation(callback));
        return builder;
    }
}
