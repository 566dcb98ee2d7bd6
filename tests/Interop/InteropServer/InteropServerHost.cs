using System.Net;
using MashGrpc.Health;
using MashGrpc.Reflection;
using MashGrpc.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Interop.Server;

/// <summary>
/// Kestrel on 127.0.0.1:PORT, cleartext HTTP/2, serving <see cref="TestServiceImpl"/>, grpc.health.v1 and server
/// reflection (v1, v1alpha) for generic tools; logs (warnings and up) go to stderr.
/// </summary>
internal sealed class InteropServerHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private InteropServerHost(WebApplication app)
    {
        this.app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Port = new Uri(address).Port;
    }

    public int Port { get; }

    public static async Task<InteropServerHost> StartAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k => k.ListenGrpc(new IPEndPoint(IPAddress.Loopback, port)));
        builder.Services.AddGrpc();
        builder.Services.AddGrpcHealthChecks();
        var app = builder.Build();
        app.MapGrpcService<TestServiceImpl>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        await app.StartAsync();
        return new InteropServerHost(app);
    }

    /// <summary>Runs until SIGTERM / Ctrl+C.</summary>
    public Task WaitForShutdownAsync() => app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
