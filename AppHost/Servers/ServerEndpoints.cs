using Mash.Hosting;

namespace Mash.AppHost.Servers;

internal static class ServerEndpoints
{
    /// <summary>
    /// The server's TCP endpoint on loopback, on a port chosen now and kept for the AppHost's lifetime,
    /// so a restarted server is found where it was. Not proxied: every query and message goes straight
    /// to the server rather than through the orchestrator's proxy, a copy of every byte and a hop of
    /// latency on each round trip (at 1,000 contacts/s the proxy took a tenth of a core).
    /// </summary>
    public static IResourceBuilder<T> WithLoopbackEndpoint<T>(this IResourceBuilder<T> server, string name)
        where T : IResourceWithEndpoints
    {
        var port = LoopbackPorts.Reserve();
        return server
            .WithEndpoint(name: name, scheme: "tcp", port: port, targetPort: port, isProxied: false)
            .WithEndpoint(name, e => e.TargetHost = "127.0.0.1");
    }
}
