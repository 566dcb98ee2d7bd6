using Microsoft.Extensions.Configuration;

namespace Mash.Hosting;

internal sealed class DistributedApplicationBuilder : IDistributedApplicationBuilder
{
    private static readonly Dictionary<string, string> Switches = new()
    {
        ["--stack"] = "MASH_STACK",
        ["--state-dir"] = "MASH_STATE_DIR",
        ["--dashboard-port"] = "MASH_DASHBOARD_PORT",
        ["--otlp-port"] = "MASH_OTLP_PORT",
    };

    private readonly List<IResource> _resources = [];
    private readonly DistributedApplicationOptions _options;

    public DistributedApplicationBuilder(DistributedApplicationOptions options)
    {
        _options = options;
        Configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddCommandLine(options.Args, Switches)
            .Build();
    }

    public IConfiguration Configuration { get; }

    public IReadOnlyList<IResource> Resources => _resources;

    public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource
    {
        if (_resources.Any(r => r.Name.Equals(resource.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DistributedApplicationException($"A resource named '{resource.Name}' already exists.");
        }

        _resources.Add(resource);
        return new ResourceBuilder<T>(this, resource);
    }

    public DistributedApplication Build()
    {
        var settings = AppHostSettings.Resolve(_options, Configuration);
        var model = new DistributedApplicationModel(_resources);
        model.AllocateEndpoints(new PortAllocator());
        return new DistributedApplication(model, settings);
    }
}
