using System.Net;
using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Intake.V1;
using Grpc.Core;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IntakeBenchmark;

/// <summary>
/// The runtime's ceiling for a call like SubmitContact: the same generated service base, method and
/// messages, hosted as the gRPC benchmark hosts its typed service (AddGrpc, ListenGrpc, MapGrpcService),
/// answering at once with a receipt and touching nothing else.
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

    public static async Task<CeilingHost> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.ListenGrpc(new IPEndPoint(IPAddress.Loopback, 0)));
        builder.Services.AddGrpc();
        var app = builder.Build();
        app.MapGrpcService<ReceiptOnlyIntake>();
        await app.StartAsync();
        return new CeilingHost(app);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>Parses each submission and answers with a receipt of the same shape Intake's has; stores nothing.</summary>
internal sealed class ReceiptOnlyIntake : IntakeService.IntakeServiceBase
{
    public override Task<SubmitContactResponse> SubmitContact(SubmitContactRequest request, ServerCallContext context) =>
        Task.FromResult(Receipt());

    /// <summary>Each item answered in order as it is read; results are flushed a batch at a time, as Intake's leave under a bulk import.</summary>
    public override async Task SubmitContacts(IAsyncStreamReader<SubmitContactRequest> requestStream, IServerStreamWriter<SubmitContactResult> responseStream, ServerCallContext context)
    {
        for (var answered = 1; await requestStream.MoveNext(context.CancellationToken); answered++)
        {
            responseStream.WriteOptions = answered % ResultsPerFlush == 0 ? null : Buffered;
            await responseStream.WriteAsync(new SubmitContactResult { RequestId = requestStream.Current.RequestId, Accepted = Receipt() });
        }
    }

    private const int ResultsPerFlush = 64;
    private static readonly WriteOptions Buffered = new(WriteFlags.BufferHint);

    private static SubmitContactResponse Receipt() => new()
    {
        ContactId = Guid.CreateVersion7().ToString(),
        ReceivedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
        Status = ContactStatus.Received,
    };
}
