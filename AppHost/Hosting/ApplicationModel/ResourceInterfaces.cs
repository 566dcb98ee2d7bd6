namespace Mash.Hosting.ApplicationModel;

/// <summary>A resource that receives environment variables (WithReference, WithEnvironment).</summary>
public interface IResourceWithEnvironment : IResource;

/// <summary>A resource whose start can be held back until others are up (WaitFor).</summary>
public interface IResourceWithWaitSupport : IResource;

/// <summary>A resource that listens on ports the AppHost allocates.</summary>
public interface IResourceWithEndpoints : IResource;

/// <summary>A resource others find through <c>services__{name}__{endpoint}__0</c>.</summary>
public interface IResourceWithServiceDiscovery : IResourceWithEndpoints;

/// <summary>A resource that belongs to another (a database to its server).</summary>
public interface IResourceWithParent<out T> : IResource where T : IResource
{
    T Parent { get; }
}
