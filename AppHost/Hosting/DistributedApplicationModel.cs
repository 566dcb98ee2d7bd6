namespace Mash.Hosting;

/// <summary>The resources once built: checked for a sound WaitFor graph, ports allocated.</summary>
public sealed class DistributedApplicationModel
{
    internal DistributedApplicationModel(IEnumerable<IResource> resources)
    {
        Resources = [.. resources];
        var missing = Resources.SelectMany(r => r.GetWaitDependencies().Where(d => !Resources.Contains(d)).Select(d => $"{r.Name} -> {d.Name}")).ToList();
        if (missing.Count > 0)
        {
            throw new DistributedApplicationException($"WaitFor names resources outside the model: {string.Join(", ", missing)}");
        }

        StartOrder = DependencyGraph.TopologicalOrder(Resources, DependenciesOf);
    }

    public IReadOnlyList<IResource> Resources { get; }

    /// <summary>Dependencies first; stopping goes the other way.</summary>
    public IReadOnlyList<IResource> StartOrder { get; }

    public IResource this[string name] => Resources.Single(r => r.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>What a resource waits for: its WaitFor targets, and a database's server.</summary>
    public static IEnumerable<IResource> DependenciesOf(IResource resource) =>
        resource is IResourceWithParent<IResource> child
            ? resource.GetWaitDependencies().Append(child.Parent).Distinct()
            : resource.GetWaitDependencies();

    internal void AllocateEndpoints(PortAllocator ports)
    {
        foreach (var endpoint in Resources.SelectMany(r => r.GetEndpoints()).Where(e => e.Port is null))
        {
            endpoint.Port = ports.Allocate();
        }
    }
}
