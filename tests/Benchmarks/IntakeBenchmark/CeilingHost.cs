using GrpcBenchmark;
using Mash.Contracts.Intake.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IntakeBenchmark;

/// <summary>
/// A server that answers SubmitContact and SubmitContacts at once with receipts and touches nothing
/// else, on h2c like Intake: either grpc-dotnet's (the same generated base, method and messages as
/// Intake, hosted with AddGrpc and MapGrpcService), so no Intake can beat it, or the bare Kestrel
/// endpoints doing the same framing by hand on the same paths, so grpc-dotnet cannot beat that.
/// </summary>
internal sealed class CeilingHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private CeilingHost(WebApplication app)
    {
        this.app = app;
        Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public Uri Address { get; }

    public static async Task<CeilingHost> StartAsync(bool bare)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.ListenH2c());
        if (!bare)
        {
            builder.Services.AddGrpc();
        }
        var app = builder.Build();
        if (bare)
        {
            app.MapPost(BareIntake.SubmitContactPath, BareUnaryEndpoint.Handle(SubmitContactRequest.Parser, _ => ReceiptOnlyIntake.Receipt()));
            app.MapPost(BareIntake.SubmitContactsPath, BareIntake.SubmitContactsAsync);
        }
        else
        {
            app.MapGrpcService<ReceiptOnlyIntake>();
        }
        await app.StartAsync();
        return new CeilingHost(app);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
