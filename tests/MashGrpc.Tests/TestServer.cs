using System.Net;
using System.Security.Cryptography.X509Certificates;
using MashGrpc.Client;
using MashGrpc.Health;
using MashGrpc.Reflection;
using MashGrpc.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MashGrpc.Tests;

/// <summary>A real Kestrel server on a free loopback port, serving the echo service, health and reflection.</summary>
public sealed class TestServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private TestServer(WebApplication app, CallLog log)
    {
        this.app = app;
        Log = log;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = new Uri(address);
    }

    public Uri Address { get; }
    public CallLog Log { get; }
    public IServiceProvider Services => app.Services;

    public static async Task<TestServer> StartAsync(Action<GrpcServiceOptions>? configure = null, X509Certificate2? certificate = null, Action<IServiceCollection>? services = null, Action<WebApplication>? map = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("TEST_SERVER_LOGS") == "1") { builder.Logging.AddConsole(); }
        builder.WebHost.ConfigureKestrel(k => k.ListenGrpc(new IPEndPoint(IPAddress.Loopback, 0), certificate));
        var log = new CallLog();
        builder.Services.AddSingleton(log);
        builder.Services.AddGrpc(configure);
        builder.Services.AddGrpcHealthChecks(TimeSpan.FromMilliseconds(200));
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapGrpcService<EchoService>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        map?.Invoke(app);
        await app.StartAsync();
        return new TestServer(app, log);
    }

    public GrpcChannel CreateChannel(GrpcChannelOptions? options = null) => GrpcChannel.ForAddress(Address, options);

    public Echo.Echo.EchoClient CreateClient() => new(CreateChannel());

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
