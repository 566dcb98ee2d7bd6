using System.Net;
using System.Net.Sockets;
using Mash.Hosting;

namespace Mash.AppHost.Tests.Ports;

public sealed class LoopbackPortsTests
{
    [Fact]
    public void A_port_handed_out_is_reserved_for_as_long_as_the_process_lives()
    {
        var port = LoopbackPorts.Reserve();

        Assert.True(LoopbackPorts.IsReserved(port));
    }

    [Fact]
    public void No_port_is_handed_out_twice()
    {
        var ports = Enumerable.Range(0, 300).Select(_ => LoopbackPorts.Reserve()).ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
    }

    [Fact]
    public void A_port_handed_out_is_free_to_listen_on_and_below_the_ephemeral_range()
    {
        var port = LoopbackPorts.Reserve();

        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        Assert.InRange(port, 1024, 32_767);
    }

    [Fact]
    public void A_port_nobody_reserved_is_not_reserved()
    {
        // Port 1 is below every range handed out.
        Assert.False(LoopbackPorts.IsReserved(1));
    }
}
