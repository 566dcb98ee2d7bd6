using GrpcBenchmark.Proto;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GrpcBenchmark;

/// <summary>
/// A Kestrel server (h2c on a free loopback port), built the same way for both sides: either
/// grpc-dotnet's typed service (Grpc.AspNetCore) or the bare endpoint doing the same framing inline,
/// on the same path.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    /// <summary>The method's path, on both servers: /mash.bench.Bench/Unary.</summary>
    public static readonly string MethodPath = $"/{Bench.Descriptor.FullName}/Unary";

    private readonly WebApplication app;

    private BenchServer(WebApplication app)
    {
        this.app = app;
        Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public Uri Address { get; }

    public static async Task<BenchServer> StartAsync(bool grpcDotnet)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.ListenH2c());
        if (grpcDotnet)
        {
            builder.Services.AddGrpc();
        }
        var app = builder.Build();
        if (grpcDotnet)
        {
            app.MapGrpcService<BenchService>();
        }
        else
        {
            app.MapPost(MethodPath, BareUnaryEndpoint.Handle(BenchRequest.Parser, Echo));
        }
        await app.StartAsync().ConfigureAwait(false);
        return new BenchServer(app);
    }

    /// <summary>Both servers' answer: the request's id and payload back.</summary>
    public static BenchReply Echo(BenchRequest request) => new() { Id = request.Id, Payload = request.Payload };

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>grpc-dotnet's side: a typed service on the base Grpc.Tools generated.</summary>
internal sealed class BenchService : Bench.BenchBase
{
    public override Task<BenchReply> Unary(BenchRequest request, ServerCallContext context) =>
        Task.FromResult(BenchServer.Echo(request));
}
