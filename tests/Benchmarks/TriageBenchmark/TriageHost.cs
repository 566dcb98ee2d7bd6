using Grpc.Net.Client;
using Mash.Contracts.Intake.V1;
using Mash.ServiceDefaults;
using Mash.Testing.Identity;
using Mash.Testing.Servers;
using Mash.Triage;
using Mash.Triage.Grpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace TriageBenchmark;

/// <summary>
/// Triage's gRPC service in this process as Program.cs hosts it (service defaults with the platform's
/// authentication, its domain, the audit log) over the benchmark's database, on a loopback port.
/// </summary>
internal sealed class TriageHost(WebApplication app, string address) : IAsyncDisposable
{
    public string Address => address;

    public IServiceProvider Services => app.Services;

    public static async Task<TriageHost> StartAsync(NpgsqlDataSource database)
    {
        var port = Processes.FreePort();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Logging.ClearProviders();
        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(TestTokens.Configuration)
        {
            ["Kestrel:Endpoints:grpc:Url"] = $"http://127.0.0.1:{port}",
            ["Kestrel:Endpoints:http:Url"] = $"http://127.0.0.1:{Processes.FreePort()}",
        });
        builder.AddServiceDefaults();
        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton(new EventOutbox());
        builder.AddAuditLog();
        builder.Services.AddTriageDomain(builder.Configuration);
        builder.Services.AddGrpcClient<IntakeService.IntakeServiceClient>(o => o.Address = new Uri("http://127.0.0.1:1"));
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapGrpcService<TriageGrpcService>();
        await app.StartAsync();
        return new TriageHost(app, $"http://127.0.0.1:{port}");
    }

    public GrpcChannel Channel() => GrpcChannel.ForAddress(address, new GrpcChannelOptions
    {
        HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
    });

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
