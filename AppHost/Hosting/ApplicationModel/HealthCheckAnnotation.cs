namespace Mash.Hosting.ApplicationModel;

/// <summary>Polled over HTTP on the named endpoint; 200 means Healthy.</summary>
public sealed record HealthCheckAnnotation(string EndpointName, string Path) : IResourceAnnotation;
