using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mash.AppHost.Servers;

/// <summary>
/// Erlang's port mapper is healthy when it answers in its own protocol: a NAMES_REQ (a 2-byte length,
/// then 'n') answered with its port number (4 bytes). A bare connect that sends nothing would do, but
/// epmd logs "got partial packet only" for each, every 30 s for as long as the stack runs.
/// </summary>
internal static class EpmdHealthCheck
{
    private static readonly byte[] NamesRequest = [0, 1, (byte)'n'];

    public static async Task<HealthCheckResult> CheckAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            var stream = client.GetStream();
            await stream.WriteAsync(NamesRequest, cancellationToken);
            var portNumber = new byte[4];
            await stream.ReadExactlyAsync(portNumber, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            return HealthCheckResult.Unhealthy(e.Message);
        }
    }
}
