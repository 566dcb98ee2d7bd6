using Grpc.Net.Client;
using Mash.Quality;
using Mash.ServiceDefaults;
using Mash.Testing.Identity;
using Mash.Testing.Servers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace QualityBenchmark;

/// <summary>
/// Quality in this process as Program.cs hosts it (service defaults with the platform's
/// authentication, AddQuality: migrations, consumers, the scorecard and assurance) over the
/// benchmark's PostgreSQL and RabbitMQ, its gRPC on a loopback port.
/// </summary>
internal sealed class QualityHost(WebApplication app, string address) : IAsyncDisposable
{
    public IServiceProvider Services => app.Services;

    public static async Task<QualityHost> StartAsync(string postgres, string rabbitMq)
    {
        var port = Processes.FreePort();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(TestTokens.Configuration)
        {
            ["Kestrel:Endpoints:grpc:Url"] = $"http://127.0.0.1:{port}",
            ["Kestrel:Endpoints:http:Url"] = $"http://127.0.0.1:{Processes.FreePort()}",
            ["ConnectionStrings:postgres"] = postgres,
            ["ConnectionStrings:rabbitmq"] = rabbitMq,
            // The figures, not the service's start-up lines.
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddServiceDefaults();
        builder.AddQuality();
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapGrpcService<Mash.Quality.Grpc.QualityGrpcService>();
        app.MapGrpcService<Mash.Quality.Grpc.AssuranceGrpcService>();
        await app.StartAsync();
        // Quality's own migrations make the tables the facts are copied into.
        await app.Services.GetRequiredService<DatabaseMigrationStatus>().WaitUntilCompletedAsync();
        return new QualityHost(app, $"http://127.0.0.1:{port}");
    }

    public GrpcChannel Channel() => GrpcChannel.ForAddress(address, new GrpcChannelOptions { MaxReceiveMessageSize = null });

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
