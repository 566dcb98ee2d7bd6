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
/// one the test has it refuse (<see cref="Refuse"/>: Intake's own authorization of the caller, tested in Intake.Tests).
/// </summary>
internal sealed class IntakePeer(WebApplication app) : IAsyncDisposable
{
    public string Address { get; private init; } = "";

    public ConcurrentQueue<(string ContactId, string? Authorization)> Calls => app.Services.GetRequiredService<IntakeContract>().Calls;

    /// <summary>From now on, GetContact of <paramref name="contactId"/> is PERMISSION_DENIED.</summary>
    public void Refuse(string contactId) => app.Services.GetRequiredService<IntakeContract>().Refused.TryAdd(contactId, true);

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

        public ConcurrentDictionary<string, bool> Refused { get; } = new();

        public override Task<ContactRecord> GetContact(GetContactRequest request, ServerCallContext context)
        {
            Calls.Enqueue((request.ContactId, context.RequestHeaders.GetValue("authorization")));
            if (Refused.ContainsKey(request.ContactId))
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
