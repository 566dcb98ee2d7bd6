using Mash.Intake.Grpc;
using Mash.Intake.Security;
using Mash.ServiceDefaults;
using Mash.Testing.Identity;
using Grpc.Net.Client;

using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mash.Intake.Tests.Infrastructure;

/// <summary>
/// Intake as a frontline app reaches it: its gRPC service on a real Kestrel server with the
/// platform's service defaults (the gRPC server options, health checks, grpc.health.v1, reflection
/// and graceful shutdown Program.cs gets from AddServiceDefaults), on free loopback ports configured
/// as the AppHost configures them, and the agency authentication registered as the service
/// registers it, over <see cref="IntakeUnderTest"/>'s parts (the test database, the fixed clock).
/// </summary>
internal sealed class IntakeServer(WebApplication app, GrpcChannel channel, int grpcPort) : IAsyncDisposable
{
    /// <summary>A channel to the server; calls carry their agency's token as <c>authorization</c> metadata.</summary>
    public GrpcChannel Channel => channel;

    /// <summary>The gRPC port (h2c), for clients that bring their own HTTP/2.</summary>
    public Uri Address => new($"http://127.0.0.1:{grpcPort}");

    public IServiceProvider Services => app.Services;

    /// <param name="tokens">Each agency the server knows (organisation id) and the bearer token it holds.</param>
    /// <param name="configure">Anything a test adds before the server is built.</param>
    public static async Task<IntakeServer> StartAsync(IntakeUnderTest intake, IReadOnlyDictionary<string, string> tokens, Action<WebApplicationBuilder>? configure = null)
    {
        var grpcPort = Processes.FreePort();
        var managementPort = Processes.FreePort();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Logging.ClearProviders();
        // The endpoints the AppHost gives a service, in their configuration form.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:grpc:Url"] = $"http://127.0.0.1:{grpcPort}",
            ["Kestrel:Endpoints:http:Url"] = $"http://127.0.0.1:{managementPort}",
        });
        // Agencies where Intake has always read them (the platform's Authentication:Agencies works the
        // same: ServiceDefaults.Tests), and staff's tokens as the tests sign them.
        builder.Configuration.AddInMemoryCollection(tokens.SelectMany((agency, i) => new Dictionary<string, string?>
        {
            [$"Intake:Agencies:{i}:OrganisationId"] = agency.Key,
            [$"Intake:Agencies:{i}:TokenSha256"] = AgencyCredentials.HashOf(agency.Value),
        }));
        builder.Configuration.AddInMemoryCollection(TestTokens.Configuration);
        builder.AddServiceDefaults();
        builder.AddAgencyAuthentication();
        builder.Services.AddSingleton(intake.Intake);
        builder.Services.AddSingleton(intake.Reads);
        builder.Services.AddSingleton(intake.Audit);
        builder.Services.AddSingleton(intake.Refusals);
        builder.Services.AddSingleton(intake.Listing);
        builder.Services.AddSingleton(intake.Progress);
        builder.Services.AddSingleton(intake.EarlierDecisions);
        builder.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(intake.WatchOptions));
        builder.Services.AddSingleton<TimeProvider>(intake.Time);
        builder.Services.AddSingleton(intake.Clock);
        builder.Services.AddSingleton(TestContacts.Vocabulary);
        builder.Services.AddSingleton(intake.Returns);
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapGrpcService<IntakeGrpcService>();
        app.MapGrpcService<ReturnsGrpcService>();
        await app.StartAsync();
        return new(app, GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}"), grpcPort);
    }

    /// <summary>Stops the server as the host stops a service (ApplicationStopping, then Kestrel's drain).</summary>
    public Task StopAsync() => app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        channel.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
