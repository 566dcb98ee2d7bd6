namespace Mash.Hosting.ApplicationModel;

/// <summary>Start only once <paramref name="Resource"/> is Running and, if it has a health check, Healthy.</summary>
public sealed record WaitAnnotation(IResource Resource) : IResourceAnnotation;
