namespace Mash.Hosting;

/// <summary>A resource in the making: what every Add*/With*/WaitFor call takes and returns.</summary>
public interface IResourceBuilder<out T> where T : IResource
{
    IDistributedApplicationBuilder ApplicationBuilder { get; }

    T Resource { get; }
}

internal sealed record ResourceBuilder<T>(IDistributedApplicationBuilder ApplicationBuilder, T Resource) : IResourceBuilder<T>
    where T : IResource;
