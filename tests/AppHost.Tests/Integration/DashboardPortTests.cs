using System.Net;
using System.Net.Sockets;
using AppHost.Tests.Support;

namespace AppHost.Tests.Integration;

public sealed class DashboardPortTests : IDisposable
{
    private readonly TestStack _stack = new("ports");

    [Fact]
    public async Task A_taken_dashboard_or_OTLP_port_is_replaced_by_a_free_one()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            StackName = _stack.Name, StateDirectory = _stack.StateDirectory, Output = _stack.Output, DashboardPort = port, OtlpPort = port,
        });
        await using var app = builder.Build();

        await app.StartAsync();

        Assert.NotEqual(port, app.DashboardUrl!.Port);
        Assert.NotEqual(port, app.OtlpEndpoint!.Port);
        Assert.Contains("MASH AppHost", await Http.Client.GetStringAsync(app.DashboardUrl));
        await app.Started.WaitAsync(TimeSpan.FromSeconds(30)); // nothing to start: up at once
        Assert.Contains($"Now listening on: {app.DashboardUrl}", File.ReadAllText(_stack.LogFile));
    }

    public void Dispose() => _stack.Dispose();
}
