using Microsoft.Extensions.Configuration;

namespace Mash.Hosting;

/// <summary>Aspire's builder surface: add resources, then Build.</summary>
public interface IDistributedApplicationBuilder
{
    /// <summary>Command line and environment (MASH_STACK, MASH_STATE_DIR, MASH_DASHBOARD_PORT, MASH_OTLP_PORT).</summary>
    IConfiguration Configuration { get; }

    IReadOnlyList<IResource> Resources { get; }

    IResourceBuilder<T> AddResource<T>(T resource) where T : IResource;

    DistributedApplication Build();
}
