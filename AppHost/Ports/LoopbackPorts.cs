using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Mash.Hosting;

/// <summary>
/// Loopback ports for the servers and services the platform's processes start (the AppHost, and the
/// tests' own servers, which compile this same file): random, free when chosen, and reserved across
/// the machine for the life of the process that chose them. Another AppHost or test run started
/// beside it therefore never chooses a port that is chosen but not yet listening, or free for a
/// moment while its server restarts; without that, one of two stacks fails to bind and restarts for ever.
/// </summary>
internal static class LoopbackPorts
{
    // Below the kernel's ephemeral range (32768 up, ip_local_port_range): a port there could be taken
    // by an outgoing connection between this choice and the server's own bind.
    private const int First = 20_000;
    private const int Last = 32_767;

    // One reservation a port: a Linux abstract socket named for it. The kernel lets only one socket
    // hold a name, and frees it when the process ends however it ends (SIGKILL included); no file is
    // left behind, and child processes do not inherit it (sockets are opened close-on-exec).
    private static readonly ConcurrentBag<Socket> Reservations = [];

    /// <summary>A loopback port nobody listens on now, reserved for this process from now on.</summary>
    public static int Reserve()
    {
        for (var attempt = 0; attempt < 500; attempt++)
        {
            var port = Random.Shared.Next(First, Last + 1);
            // A port held by something else stays reserved: it is never worth trying again.
            if (TryReserve(port) && IsFree(port))
            {
                return port;
            }
        }
        throw new InvalidOperationException($"No loopback port from {First} to {Last} is free.");
    }

    /// <summary>Whether any process on this machine has reserved the port.</summary>
    public static bool IsReserved(int port)
    {
        using var probe = ReservationSocket();
        try
        {
            probe.Bind(ReservationName(port));
            return false;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    private static bool TryReserve(int port)
    {
        var reservation = ReservationSocket();
        try
        {
            reservation.Bind(ReservationName(port));
            Reservations.Add(reservation);
            return true;
        }
        catch (SocketException)
        {
            reservation.Dispose();
            return false;
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static Socket ReservationSocket() => new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);

    private static UnixDomainSocketEndPoint ReservationName(int port) => new($"\0mash-loopback-port-{port}");
}
