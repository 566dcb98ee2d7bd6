namespace Mash.Hosting.ApplicationModel;

/// <summary>Adds environment variables when the resource is launched (ports are known by then).</summary>
public sealed record EnvironmentCallbackAnnotation(Action<IDictionary<string, string>> Callback) : IResourceAnnotation;
