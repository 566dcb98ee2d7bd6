using Grpc.Net.Client;
using Mash.Contracts.Intake.V1;
using Mash.Contracts.Triage.V1;
using Mash.ServiceDefaults;
using Mash.Testing.Identity;
using Mash.Triage.Grpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mash.Triage.Tests.Infrastructure;

/// <summary>
/// Triage as practitioners, agencies and importers reach it: its gRPC service on a real Kestrel port
/// with the platform's service defaults (authentication of staff JWTs and agency tokens, the role
/// policies, the denial audit), over the test database and a fixed clock; the tests sign their own
/// tokens (<see cref="TestTokens"/>). Calls to Intake go to <paramref name="intakeAddress"/>.
/// </summary>
internal sealed class TriageServer(WebApplication app, GrpcChannel channel) : IAsyncDisposable
{
    public const string PoliceWestToken = "police-west-triage-test-token-5c2e9a7b1d3f4e60";

    public GrpcChannel Channel => channel;

    public TriageService.TriageServiceClient Client => new(channel);

    public IServiceProvider Services => app.Services;

    public static async Task<TriageServer> StartAsync(TriageDatabase database, FixedTime time, string? intakeAddress = null)
    {
        var grpcPort = Processes.FreePort();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Logging.ClearProviders();
        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(TestTokens.Configuration)
        {
            ["Kestrel:Endpoints:grpc:Url"] = $"http://127.0.0.1:{grpcPort}",
            ["Kestrel:Endpoints:http:Url"] = $"http://127.0.0.1:{Processes.FreePort()}",
            ["Authentication:Agencies:0:OrganisationId"] = "police-west",
            ["Authentication:Agencies:0:TokenSha256"] = AgencyCredentials.HashOf(PoliceWestToken),
        });
        builder.AddServiceDefaults();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton(database.DataSource);
        builder.Services.AddSingleton(new EventOutbox());
        builder.AddAuditLog();
        builder.Services.AddTriageDomain(builder.Configuration);
        builder.Services.AddGrpcClient<IntakeService.IntakeServiceClient>(o => o.Address = new Uri(intakeAddress ?? "http://127.0.0.1:1"));
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapGrpcService<TriageGrpcService>();
        await app.StartAsync();
        return new(app, GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}"));
    }

    public async ValueTask DisposeAsync()
    {
        channel.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
