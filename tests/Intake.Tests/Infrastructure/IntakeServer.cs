using System.Net;
using Mash.Intake.Grpc;
using Mash.Intake.Security;
using Grpc.Net.Client;
using MashGrpc.Health;
using MashGrpc.Reflection;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mash.Intake.Tests.Infrastructure;

/// <summary>
/// Intake as a frontline app reaches it: its gRPC service, health and reflection on a real Kestrel
/// server (a free loopback port), with the agency authentication registered as the service registers
/// it, over <see cref="IntakeUnderTest"/>'s parts (the test database, the fixed clock).
/// </summary>
internal sealed class IntakeServer(WebApplication app, GrpcChannel channel) : IAsyncDisposable
{
    /// <summary>A channel to the server; calls carry their agency's token as <c>authorization</c> metadata.</summary>
    public GrpcChannel Channel => channel;

    /// <param name="tokens">Each agency the server knows (organisation id) and the bearer token it holds.</param>
    public static async Task<IntakeServer> StartAsync(IntakeUnderTest intake, IReadOnlyDictionary<string, string> tokens)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.ListenGrpc(new IPEndPoint(IPAddress.Loopback, 0)));
        builder.Configuration.AddInMemoryCollection(tokens.SelectMany((agency, i) => new Dictionary<string, string?>
        {
            [$"Intake:Agencies:{i}:OrganisationId"] = agency.Key,
            [$"Intake:Agencies:{i}:TokenSha256"] = AgencyCredentials.HashOf(agency.Value),
        }));
        builder.Services.AddGrpc();
        builder.Services.AddGrpcHealthChecks();
        builder.AddAgencyAuthentication();
        builder.Services.AddSingleton(intake.Intake);
        builder.Services.AddSingleton(intake.Reads);
        builder.Services.AddSingleton(intake.Listing);
        builder.Services.AddSingleton(intake.Progress);
        builder.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(intake.WatchOptions));
        builder.Services.AddSingleton<TimeProvider>(intake.Time);
        builder.Services.AddSingleton(intake.Clock);
        builder.Services.AddSingleton(TestContacts.Vocabulary);
        var app = builder.Build();
        app.MapGrpcService<IntakeGrpcService>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new(app, GrpcChannel.ForAddress(new Uri(address)));
    }

    public async ValueTask DisposeAsync()
    {
        channel.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
