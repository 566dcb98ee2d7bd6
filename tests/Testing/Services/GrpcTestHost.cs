using Grpc.Net.Client;
using Mash.ServiceDefaults;
using Mash.Testing.Identity;
using Mash.Testing.Servers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mash.Testing.Services;

/// <summary>
/// A service's gRPC API as a client reaches it: a real Kestrel server with the platform's service
/// defaults (authentication and policies included, trusting <see cref="TestTokens"/>), on free
/// loopback ports configured as the AppHost configures them, over whatever parts the test registers.
/// </summary>
public sealed class GrpcTestHost(WebApplication app, int grpcPort) : IAsyncDisposable
{
    public GrpcChannel Channel { get; } = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");

    public IServiceProvider Services => app.Services;

    /// <param name="register">The service's parts (its stores over the test database, a fixed clock, …).</param>
    /// <param name="map">Maps the service's gRPC API (<c>app.MapGrpcService&lt;T&gt;()</c>).</param>
    public static async Task<GrpcTestHost> StartAsync(Action<WebApplicationBuilder> register, Action<WebApplication> map, IReadOnlyDictionary<string, string?>? configuration = null)
    {
        var grpcPort = Processes.FreePort();
        var managementPort = Processes.FreePort();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:grpc:Url"] = $"http://127.0.0.1:{grpcPort}",
            ["Kestrel:Endpoints:http:Url"] = $"http://127.0.0.1:{managementPort}",
        });
        builder.Configuration.AddInMemoryCollection(TestTokens.Configuration);
        if (configuration is not null)
        {
            builder.Configuration.AddInMemoryCollection(configuration);
        }
        builder.AddServiceDefaults();
        register(builder);
        var app = builder.Build();
        app.MapDefaultEndpoints();
        map(app);
        await app.StartAsync();
        return new GrpcTestHost(app, grpcPort);
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
