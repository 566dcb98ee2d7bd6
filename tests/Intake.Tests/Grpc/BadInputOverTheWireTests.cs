using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using Mash.Contracts.Intake.V1;
using Mash.Intake.Tests.Infrastructure;

namespace Mash.Intake.Tests.Grpc;

/// <summary>
/// Bad input as a frontline app's client sends it over a real port: answered with the right status
/// (rich errors as a google.rpc.Status in <c>grpc-status-details-bin</c>, as any gRPC client reads
/// them), nothing stored, and the server goes on serving.
/// </summary>
[Collection(IntakeDatabaseCollection.Name)]
public sealed class BadInputOverTheWireTests(IntakeDatabase database) : IAsyncLifetime
{
    private const string PoliceToken = "police-west-token-for-the-bad-input-tests-0123456789";
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);
    private static readonly Metadata Police = new() { { "authorization", $"Bearer {PoliceToken}" } };

    private readonly HandlerLog log = new();
    private IntakeServer? server;

    public async Task InitializeAsync() =>
        server = await IntakeServer.StartAsync(new IntakeUnderTest(database), new Dictionary<string, string> { ["police-west"] = PoliceToken }, log.AddTo);

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    private IntakeService.IntakeServiceClient Client => new(server!.Channel);

    [Fact]
    public async Task An_invalid_contact_is_INVALID_ARGUMENT_naming_each_field_in_a_BadRequest_and_nothing_is_stored()
    {
        var request = TestContacts.Request();
        request.Contact.ContactType = "not-a-contact-type";
        request.Contact.Subjects[0].NhsNumber = "9434765918";   // the check digit is wrong

        var refused = await Assert.ThrowsAsync<RpcException>(() => Client.SubmitContactAsync(request, Police).ResponseAsync.WaitAsync(HangGuard));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        var status = refused.GetRpcStatus();
        Assert.NotNull(status);
        Assert.Equal((int)Code.InvalidArgument, status.Code);
        Assert.Equal(refused.Status.Detail, status.Message);
        var fields = Assert.Single(status.Details).Unpack<BadRequest>().FieldViolations.Select(v => v.Field);
        Assert.Equal(["contact.contact_type", "contact.subjects[0].nhs_number"], fields.Order());
        // On the wire: the trailer holds the serialized google.rpc.Status itself.
        Assert.Equal(status, Google.Rpc.Status.Parser.ParseFrom(refused.Trailers.GetValueBytes("grpc-status-details-bin")));
        await AssertNothingStoredAsync(request.RequestId);
    }

    [Fact]
    public async Task A_bulk_item_that_is_invalid_is_rejected_with_its_fields_and_the_stream_goes_on()
    {
        var bad = TestContacts.Request();
        bad.Contact.Pathway = Mash.Contracts.Common.V1.Pathway.Unspecified;
        var good = TestContacts.Request();
        using var call = Client.SubmitContacts(Police);

        await call.RequestStream.WriteAsync(bad).WaitAsync(HangGuard);
        await call.RequestStream.WriteAsync(good).WaitAsync(HangGuard);
        await call.RequestStream.CompleteAsync().WaitAsync(HangGuard);
        var results = new List<SubmitContactResult>();
        while (await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(HangGuard))
        {
            results.Add(call.ResponseStream.Current);
        }

        Assert.Equal([SubmitContactResult.ResultOneofCase.Rejected, SubmitContactResult.ResultOneofCase.Accepted], results.Select(r => r.ResultCase));
        Assert.Equal((int)Code.InvalidArgument, results[0].Rejected.Code);
        Assert.Contains(results[0].Rejected.FieldViolations, v => v.Field == "contact.pathway");
        await AssertNothingStoredAsync(bad.RequestId);
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM contacts WHERE request_id = $1", good.RequestId));
    }

    [Fact]
    public async Task A_batch_over_the_limit_ends_the_call_INVALID_ARGUMENT_naming_contacts_after_the_batch_before_it_is_answered()
    {
        var before = new SubmitContactBatch { Contacts = { TestContacts.Request() } };
        var tooBig = new SubmitContactBatch { Contacts = { Enumerable.Range(0, 1001).Select(_ => TestContacts.Request()) } };
        using var call = Client.SubmitContactBatches(Police);

        await call.RequestStream.WriteAsync(before).WaitAsync(HangGuard);
        await call.RequestStream.WriteAsync(tooBig).WaitAsync(HangGuard);
        var answered = new List<SubmitContactBatchResult>();
        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(HangGuard))
            {
                answered.Add(call.ResponseStream.Current);
            }
        });

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal(["contacts"], Assert.Single(refused.GetRpcStatus()!.Details).Unpack<BadRequest>().FieldViolations.Select(v => v.Field));
        Assert.Equal(before.Contacts[0].RequestId, Assert.Single(Assert.Single(answered).Results).RequestId);
        await AssertNothingStoredAsync(tooBig.Contacts[0].RequestId);
    }

    [Fact]
    public async Task Bytes_that_are_not_a_request_message_are_refused_before_the_handler_and_nothing_is_stored()
    {
        var contactsBefore = await database.CountAsync("SELECT count(*) FROM contacts");
        // Field 1 (request_id), length-delimited, says 5 bytes follow; only 1 does.
        byte[] truncated = [0x0A, 0x05, 0x61];

        var refused = await Assert.ThrowsAsync<RpcException>(() => RawSubmitAsync(truncated));

        // grpc-dotnet answers a request it cannot parse UNKNOWN: the message is parsed before any
        // interceptor, so no service code can choose.
        Assert.Equal(StatusCode.Unknown, refused.StatusCode);
        Assert.Empty(log.Calls);
        Assert.Equal(contactsBefore, await database.CountAsync("SELECT count(*) FROM contacts"));
        await AssertStillServesAsync();
    }

    [Fact]
    public async Task A_message_over_the_4_MB_limit_is_RESOURCE_EXHAUSTED_and_nothing_is_stored()
    {
        var request = TestContacts.Request();
        request.Contact.Narrative = new string('x', 4 * 1024 * 1024 + 1);

        var refused = await Assert.ThrowsAsync<RpcException>(() => Client.SubmitContactAsync(request, Police).ResponseAsync.WaitAsync(HangGuard));

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        await AssertNothingStoredAsync(request.RequestId);
        await AssertStillServesAsync();
    }

    /// <summary>SubmitContact with a body the client does not serialize: what a broken client could send.</summary>
    private async Task<byte[]> RawSubmitAsync(byte[] body)
    {
        var bytes = Marshallers.Create(b => b, b => b);
        var method = new Method<byte[], byte[]>(MethodType.Unary, IntakeService.Descriptor.FullName, "SubmitContact", bytes, bytes);
        return await server!.Channel.CreateCallInvoker().AsyncUnaryCall(method, null, new CallOptions(Police), body).ResponseAsync.WaitAsync(HangGuard);
    }

    private async Task AssertNothingStoredAsync(string requestId) =>
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM contacts WHERE request_id = $1", requestId));

    private async Task AssertStillServesAsync()
    {
        var request = TestContacts.Request();
        var receipt = await Client.SubmitContactAsync(request, Police).ResponseAsync.WaitAsync(HangGuard);
        Assert.Equal(ContactStatus.Received, receipt.Status);
    }
}
