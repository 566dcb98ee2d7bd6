using Mash.Contracts.Intake.V1;
using Mash.Intake.Tests.Infrastructure;
using Mash.ServiceDefaults;
using Mash.Testing.Identity;
using Grpc.Net.Client;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1;

namespace Mash.Intake.Tests.Security;

/// <summary>
/// The credentials as a frontline app and MASH staff present them: Intake's gRPC service, health and
/// reflection on a real Kestrel server with the authentication registered as the service registers
/// it, called through Grpc.Net.Client with <c>authorization</c> metadata.
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
            "SELECT count(*) FROM audit_log WHERE record_id = $1 AND actor_id = 'police-west' AND agency_id = 'police-west' AND action = $2 AND outcome = 'allowed'",
            submitted.ContactId, TestCallers.GetContactMethod));
    }

    [Fact]
    public async Task A_practitioner_reads_a_contact_for_screening_and_is_the_audited_reader()
    {
        var submitted = await Client.SubmitContactAsync(TestContacts.Request(), Bearer(PoliceToken)).ResponseAsync.WaitAsync(HangGuard);

        var record = await Client.GetContactAsync(new GetContactRequest { ContactId = submitted.ContactId },
            Bearer(TestTokens.For("sw-3", MashRoles.Practitioner))).ResponseAsync.WaitAsync(HangGuard);

        Assert.Equal(submitted.ContactId, record.ContactId);
        Assert.Equal(1, await database.CountAsync(
            "SELECT count(*) FROM audit_log WHERE record_id = $1 AND actor_id = 'sw-3' AND actor_name = 'Test sw-3' AND agency_id IS NULL AND outcome = 'allowed'", submitted.ContactId));
    }

    public static TheoryData<string> StaffWhoDoNotScreen => [MashRoles.BoardMember, MashRoles.Operations, MashRoles.QualityLead, MashRoles.Importer];

    [Theory]
    [MemberData(nameof(StaffWhoDoNotScreen))]
    public async Task Staff_outside_screening_are_PERMISSION_DENIED_a_contact_and_audited_as_denied(string role)
    {
        var submitted = await Client.SubmitContactAsync(TestContacts.Request(), Bearer(PoliceToken)).ResponseAsync.WaitAsync(HangGuard);
        var subject = $"staff-{Guid.NewGuid():N}";

        var refused = await Assert.ThrowsAsync<RpcException>(() => Client.GetContactAsync(new GetContactRequest { ContactId = submitted.ContactId },
            Bearer(TestTokens.For(subject, role))).ResponseAsync.WaitAsync(HangGuard));

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Equal(1, await database.CountAsync(
            "SELECT count(*) FROM audit_log WHERE actor_id = $1 AND action = $2 AND outcome = 'denied'", subject, TestCallers.GetContactMethod));
    }

    [Theory]
    [InlineData(MashRoles.Practitioner)]
    [InlineData(MashRoles.Manager)]
    public async Task Staff_submit_nothing_and_list_nothing(string role)
    {
        var request = TestContacts.Request();
        var token = Bearer(TestTokens.For("sw-4", role));

        var submit = await Assert.ThrowsAsync<RpcException>(() => Client.SubmitContactAsync(request, token).ResponseAsync.WaitAsync(HangGuard));
        var list = await Assert.ThrowsAsync<RpcException>(() => Client.ListContactsAsync(new ListContactsRequest(), token).ResponseAsync.WaitAsync(HangGuard));

        Assert.Equal(StatusCode.PermissionDenied, submit.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, list.StatusCode);
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM contacts WHERE request_id = $1", request.RequestId));
    }

    [Fact]
    public async Task Listing_audits_each_contact_listed()
    {
        var organisation = $"agency-{Guid.NewGuid():N}";
        await using var own = await IntakeServer.StartAsync(intake, new Dictionary<string, string> { [organisation] = "own-token-" + organisation });
        var client = new IntakeService.IntakeServiceClient(own.Channel);
        var request = TestContacts.Request();
        request.Contact.Agency.OrganisationId = organisation;
        var submitted = await client.SubmitContactAsync(request, Bearer("own-token-" + organisation)).ResponseAsync.WaitAsync(HangGuard);

        var page = await client.ListContactsAsync(new ListContactsRequest(), Bearer("own-token-" + organisation)).ResponseAsync.WaitAsync(HangGuard);

        Assert.Equal(submitted.ContactId, Assert.Single(page.Contacts).ContactId);
        Assert.Equal(1, await database.CountAsync(
            "SELECT count(*) FROM audit_log WHERE record_id = $1 AND actor_id = $2 AND action = '/mash.intake.v1.IntakeService/ListContacts' AND outcome = 'allowed'",
            submitted.ContactId, organisation));
    }

    public static TheoryData<string> BadStaffTokens => [
        TestTokens.Expired("sw-1", MashRoles.Practitioner),
        TestTokens.BadlySigned("sw-1", MashRoles.Practitioner),
        TestTokens.WrongAudience("sw-1", MashRoles.Practitioner),
    ];

    [Theory]
    [MemberData(nameof(BadStaffTokens))]
    public async Task A_bad_staff_token_is_UNAUTHENTICATED_and_nothing_is_audited(string token)
    {
        var submitted = await Client.SubmitContactAsync(TestContacts.Request(), Bearer(PoliceToken)).ResponseAsync.WaitAsync(HangGuard);

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            Client.GetContactAsync(new GetContactRequest { ContactId = submitted.ContactId }, Bearer(token)).ResponseAsync.WaitAsync(HangGuard));

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM audit_log WHERE record_id = $1", submitted.ContactId));
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
    [InlineData(null)]                                  // no header
    [InlineData("Bearer not-a-token-any-agency-holds")] // unknown token
    [InlineData("Basic cG9saWNlOnNlY3JldA==")]          // wrong scheme
    [InlineData("Bearer")]                              // no token
    [InlineData(PoliceToken)]                           // no scheme
    [InlineData("Bearer " + PoliceToken + " extra")]
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
    public async Task Two_authorization_headers_are_UNAUTHENTICATED()
    {
        var headers = new Metadata { { "authorization", $"Bearer {PoliceToken}" }, { "authorization", $"Bearer {PoliceToken}" } };

        var refused = await Assert.ThrowsAsync<RpcException>(() => Client.SubmitContactAsync(TestContacts.Request(), headers).ResponseAsync.WaitAsync(HangGuard));

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }

    [Fact]
    public async Task Streaming_calls_are_checked_too()
    {
        using var bulk = Client.SubmitContacts();
        using var watch = Client.WatchContact(new WatchContactRequest { ContactId = Guid.NewGuid().ToString() });

        var bulkRefused = await Assert.ThrowsAsync<RpcException>(() => bulk.ResponseStream.MoveNext(default).WaitAsync(HangGuard));
        var watchRefused = await Assert.ThrowsAsync<RpcException>(() => watch.ResponseStream.MoveNext(default).WaitAsync(HangGuard));

        Assert.Equal(StatusCode.Unauthenticated, bulkRefused.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, watchRefused.StatusCode);
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
