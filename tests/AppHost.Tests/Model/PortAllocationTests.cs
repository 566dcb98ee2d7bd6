using System.Net;
using System.Net.Sockets;

namespace AppHost.Tests.Model;

public sealed class PortAllocationTests
{
    [Fact]
    public void Ports_are_never_handed_out_twice_and_are_free()
    {
        var allocator = new PortAllocator();

        var ports = Enumerable.Range(0, 200).Select(_ => allocator.Allocate()).ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.DoesNotContain(ports, p => p is >= 35672 and <= 35682); // rabbitmqctl's own range
        using var listener = new TcpListener(IPAddress.Loopback, ports[^1]);
        listener.Start(); // still free
    }

    [Fact]
    public void Building_gives_every_endpoint_of_every_resource_its_own_port()
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { StateDirectory = Path.GetTempPath() });
        builder.AddPostgres("postgres");
        builder.AddRedis("redis");
        builder.AddRabbitMQ("rabbitmq");
        builder.AddProject<Projects.FakeService>("a");
        builder.AddProject<Projects.FakeService>("b");

        var app = builder.Build();

        var ports = app.Model.Resources.SelectMany(r => r.GetEndpoints()).Select(e => e.AllocatedPort).ToList();
        Assert.Equal(1 + 1 + 3 + 2 + 2, ports.Count);
        Assert.Equal(ports.Count, ports.Distinct().Count());
    }
}
