using Mash.Contracts.Intake.V1;
using Mash.Intake.Tests.Infrastructure;
using Grpc.Net.Client;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1;

namespace Mash.Intake.Tests.Security;

/// <summary>
/// The credentials as a frontline app presents them: Intake's gRPC service, health and reflection on
/// a real Kestrel server with the authentication registered as the service registers it, called
/// through Grpc.Net.Client with <c>authorization</c> metadata.
/// </summary>
[Collection(IntakeDatabaseCollection.Name)]
public sealed class AuthenticatedIntakeServerTests(IntakeDatabase database) : IAsyncLifetime
{
    private const string PoliceToken = "police-west-token-for-the-kestrel-test-0123456789";
    private const string SchoolToken = "st-marys-token-for-the-kestrel-test-9876543210";
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(20);

    private readonly IntakeUnderTest intake = new(database);
    private IntakeServer? server;
    private GrpcChannel? channel;

    public async Task InitializeAsync()
    {
        server = await IntakeServer.StartAsync(intake, new Dictionary<string, string> { ["police-west"] = PoliceToken, ["st-marys-school"] = SchoolToken });
        channel = server.Channel;
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    private IntakeService.IntakeServiceClient Client => new(channel!);

    private static Metadata Bearer(string token) => new() { { "authorization", $"Bearer {token}" } };

    [Fact]
    public async Task An_agency_with_its_token_submits_and_reads_back_its_contact()
    {
        var request = TestContacts.Request();

        var submitted = await Client.SubmitContactAsync(request, Bearer(PoliceToken)).ResponseAsync.WaitAsync(HangGuard);
        var record = await Client.GetContactAsync(new GetContactRequest { ContactId = submitted.ContactId }, Bearer(PoliceToken)).ResponseAsync.WaitAsync(HangGuard);

        Assert.Equal(request.Contact, record.Contact);
        Assert.Equal(1, await database.CountAsync(
            "SELECT count(*) FROM audit_log WHERE contact_id = $1 AND organisation_id = 'police-west' AND outcome = 'allowed'", Guid.Parse(submitted.ContactId)));
    }

    [Fact]
    public async Task Another_agencys_token_reads_nothing_of_it()
    {
        var submitted = await Client.SubmitContactAsync(TestContacts.Request(), Bearer(PoliceToken)).ResponseAsync.WaitAsync(HangGuard);

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            Client.GetContactAsync(new GetContactRequest { ContactId = submitted.ContactId }, Bearer(SchoolToken)).ResponseAsync.WaitAsync(HangGuard));

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }

    [Fact]
    public async Task A_bulk_import_answers_each_item_as_it_goes_over_a_duplex_call()
    {
        var good = TestContacts.Request();
        var bad = TestContacts.Request();
        bad.Contact.ContactType = "not-a-contact-type";
        var last = TestContacts.Request();
        using var call = Client.SubmitContacts(Bearer(PoliceToken));
        var results = new List<SubmitContactResult>();

        // Each result arrives before the next item is sent: answered item by item, not at the end.
        foreach (var request in new[] { good, bad, last })
        {
            await call.RequestStream.WriteAsync(request).WaitAsync(HangGuard);
            Assert.True(await call.ResponseStream.MoveNext(default).WaitAsync(HangGuard));
            results.Add(call.ResponseStream.Current);
        }
        await call.RequestStream.CompleteAsync().WaitAsync(HangGuard);
        Assert.False(await call.ResponseStream.MoveNext(default).WaitAsync(HangGuard));

        Assert.Equal([good.RequestId, bad.RequestId, last.RequestId], results.Select(r => r.RequestId));
        Assert.Equal("contact.contact_type", Assert.Single(results[1].Rejected.FieldViolations).Field);
        var record = await Client.GetContactAsync(new GetContactRequest { ContactId = results[2].Accepted.ContactId }, Bearer(PoliceToken)).ResponseAsync.WaitAsync(HangGuard);
        Assert.Equal(last.Contact, record.Contact);
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM contacts WHERE request_id = $1", bad.RequestId));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer not-a-token-any-agency-holds")]
    [InlineData("Basic cG9saWNlOnNlY3JldA==")]
    public async Task Without_valid_credentials_a_call_is_UNAUTHENTICATED_and_nothing_is_stored(string? authorization)
    {
        var request = TestContacts.Request();
        var headers = new Metadata();
        if (authorization is not null)
        {
            headers.Add("authorization", authorization);
        }

        var refused = await Assert.ThrowsAsync<RpcException>(() => Client.SubmitContactAsync(request, headers).ResponseAsync.WaitAsync(HangGuard));

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM contacts WHERE request_id = $1", request.RequestId));
    }

    [Fact]
    public async Task Health_and_reflection_answer_without_credentials()
    {
        var health = await new Health.HealthClient(channel!).CheckAsync(new HealthCheckRequest()).ResponseAsync.WaitAsync(HangGuard);

        using var reflection = new ServerReflection.ServerReflectionClient(channel!).ServerReflectionInfo();
        await reflection.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await reflection.RequestStream.CompleteAsync();
        Assert.True(await reflection.ResponseStream.MoveNext(default).WaitAsync(HangGuard));

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        Assert.Contains(reflection.ResponseStream.Current.ListServicesResponse.Service, s => s.Name == IntakeService.Descriptor.FullName);
    }
}
