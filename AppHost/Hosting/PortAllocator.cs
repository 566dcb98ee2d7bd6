using System.Net;
using System.Net.Sockets;

namespace Mash.Hosting;

/// <summary>
/// Free loopback ports, asked of the kernel (bind to port 0), never the same one twice from one
/// allocator: the kernel may hand a just-released port out again.
/// </summary>
public sealed class PortAllocator
{
    // RabbitMQ's CLI tools (rabbitmqctl) take their Erlang distribution port from this fixed range.
    private const int CliDistPortMin = 35672, CliDistPortMax = 35682;

    private readonly HashSet<int> _given = [];

    public int Allocate()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (port is not (>= CliDistPortMin and <= CliDistPortMax) && _given.Add(port))
            {
                return port;
            }
        }
    }
}
