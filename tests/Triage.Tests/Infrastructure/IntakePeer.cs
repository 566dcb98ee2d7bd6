using System.Collections.Concurrent;
using Grpc.Core;
using Mash.Contracts.Intake.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mash.Triage.Tests.Infrastructure;

/// <summary>
/// Intake's gRPC contract on a real port, for Triage's internal call: it keeps the authorization
/// each GetContact carried and answers with the record for that contact, or PERMISSION_DENIED for
/// one whose id starts "refused-" (Intake's own authorization of the caller, tested in Intake.Tests).
/// </summary>
internal sealed class IntakePeer(WebApplication app) : IAsyncDisposable
{
    public string Address { get; private init; } = "";

    public ConcurrentQueue<(string ContactId, string? Authorization)> Calls => app.Services.GetRequiredService<IntakeContract>().Calls;

    public static async Task<IntakePeer> StartAsync()
    {
        var port = Processes.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Kestrel:Endpoints:grpc:Url"] = $"http://127.0.0.1:{port}", ["Kestrel:Endpoints:grpc:Protocols"] = "Http2" });
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<IntakeContract>();
        var app = builder.Build();
        app.MapGrpcService<IntakeContract>();
        await app.StartAsync();
        return new IntakePeer(app) { Address = $"http://127.0.0.1:{port}" };
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    internal sealed class IntakeContract : IntakeService.IntakeServiceBase
    {
        public ConcurrentQueue<(string ContactId, string? Authorization)> Calls { get; } = new();

        public override Task<ContactRecord> GetContact(GetContactRequest request, ServerCallContext context)
        {
            Calls.Enqueue((request.ContactId, context.RequestHeaders.GetValue("authorization")));
            if (request.ContactId.StartsWith("refused-", StringComparison.Ordinal))
            {
                throw new RpcException(new Status(StatusCode.PermissionDenied, "not yours"));
            }
            return Task.FromResult(new ContactRecord
            {
                ContactId = request.ContactId,
                Contact = new Contact { ContactType = "concern", Narrative = "Child disclosed at school." },
            });
        }
    }
}
