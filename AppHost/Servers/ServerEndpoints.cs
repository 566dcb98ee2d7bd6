using System.Net;
using System.Net.Sockets;

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
        var port = FreePort();
        return server
            .WithEndpoint(name: name, scheme: "tcp", port: port, targetPort: port, isProxied: false)
            .WithEndpoint(name, e => e.TargetHost = "127.0.0.1");
    }

    // Every port handed out by this process.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, byte> Given = new();

    /// <summary>A loopback port nobody listens on now.</summary>
    public static int FreePort()
    {
        // Below the kernel's ephemeral range (32768 up, ip_local_port_range): a port the OS picks for a
        // bind to 0 comes from the range it also gives outgoing connections, and one of those could take
        // it between this check and the server's own bind (a server then fails to start).
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(20_000, 32_768);
            // Never the same port twice in one process: a server stopped for a while (or not yet
            // started) leaves its port free, and a second stack started beside it would take it.
            if (!Given.TryAdd(port, 0))
            {
                continue;
            }
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: try another.
            }
        }
        throw new InvalidOperationException("No loopback port from 20000 to 32767 is free.");
    }
}
