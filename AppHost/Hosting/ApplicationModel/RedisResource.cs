namespace Mash.Hosting.ApplicationModel;

/// <summary>A Redis server run from the Debian binary, append-only file in its state directory.</summary>
public sealed class RedisResource(string name) : Resource(name), IResourceWithConnectionString, IResourceWithEndpoints
{
    public override string ResourceType => "Redis";

    public string GetConnectionString() => $"127.0.0.1:{this.GetEndpoint("tcp").AllocatedPort}";
}
