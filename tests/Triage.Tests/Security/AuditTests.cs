using Grpc.Core;
using Mash.Contracts.Triage.V1;
using Mash.ServiceDefaults;
using Mash.Testing.Identity;
using Mash.Triage.Tests.Infrastructure;

namespace Mash.Triage.Tests.Security;

/// <summary>Every read of personal data is in Triage's audit_log: who, what, when, allowed or denied.</summary>
[Collection(TriageDatabaseCollection.Name)]
public sealed class AuditTests(TriageDatabase database) : IAsyncLifetime
{
    private readonly TriageUnderTest triage = new(database);
    private TriageServer server = null!;
    private IntakePeer intake = null!;

    public async Task InitializeAsync()
    {
        intake = await IntakePeer.StartAsync();
        server = await TriageServer.StartAsync(database, triage.Time, intake.Address);
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        await intake.DisposeAsync();
    }

    private Task<long> AuditRowsAsync(string actor, string method, string? recordId, string outcome) => database.CountAsync(
        "SELECT count(*) FROM audit_log WHERE actor_id = $1 AND action = $2 AND record_id IS NOT DISTINCT FROM $3 AND outcome = $4",
        actor, $"/mash.triage.v1.TriageService/{method}", (object?)recordId ?? DBNull.Value, outcome);

    [Fact]
    public async Task Each_queue_item_a_practitioner_reads_is_recorded()
    {
        var agency = triage.NewAgency();
        var first = await triage.ReceiveAsync(agencyId: agency);
        var second = await triage.ReceiveAsync(agencyId: agency);
        var practitioner = $"sw-{Guid.NewGuid():N}";

        await server.Client.ListQueueAsync(new ListQueueRequest { AgencyIds = { agency } }, TestTokens.Bearer(TestTokens.For(practitioner, MashRoles.Practitioner)));

        Assert.Equal((1L, 1L), (await AuditRowsAsync(practitioner, "ListQueue", first.ContactId, "allowed"), await AuditRowsAsync(practitioner, "ListQueue", second.ContactId, "allowed")));
    }

    [Fact]
    public async Task A_call_refused_for_its_role_is_recorded_as_denied()
    {
        var board = $"board-{Guid.NewGuid():N}";

        await Assert.ThrowsAsync<RpcException>(async () =>
            await server.Client.ListQueueAsync(new ListQueueRequest(), TestTokens.Bearer(TestTokens.For(board, MashRoles.BoardMember))));

        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM audit_log WHERE actor_id = $1 AND outcome = 'denied'", board));
    }

    [Fact]
    public async Task A_call_refused_for_what_it_asks_is_recorded_as_denied()
    {
        var received = await triage.ReceiveAsync();
        var asked = await triage.Service.RequestInformation(new RequestInformationRequest { ContactId = received.ContactId, AgencyId = "health-north", Question = "Known to health?" }, Callers.Practitioner());

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await server.Client.AnswerInformationRequestAsync(
            new AnswerInformationRequestRequest { RequestId = asked.RequestId, Answer = "Not ours to answer" }, TestTokens.Bearer(TriageServer.PoliceWestToken)));

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Equal(1, await AuditRowsAsync("police-west", "AnswerInformationRequest", asked.RequestId, "denied"));
    }

    [Fact]
    public async Task The_content_is_read_from_intake_with_the_callers_own_credentials_and_recorded()
    {
        var received = await triage.ReceiveAsync();
        var practitioner = $"sw-{Guid.NewGuid():N}";
        var token = TestTokens.For(practitioner, MashRoles.Practitioner);

        var screening = await server.Client.GetContactForScreeningAsync(new GetContactForScreeningRequest { ContactId = received.ContactId }, TestTokens.Bearer(token));

        Assert.Equal(("Child disclosed at school.", received.ContactId), (screening.IntakeRecord.Contact.Narrative, screening.Item.ContactId));
        Assert.Contains((received.ContactId, $"Bearer {token}"), intake.Calls);
        Assert.Equal(1, await AuditRowsAsync(practitioner, "GetContactForScreening", received.ContactId, "allowed"));
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM information_schema.columns WHERE table_name = 'queue_items' AND column_name = 'narrative'"));
    }

    [Fact]
    public async Task Content_intake_refuses_is_permission_denied_and_recorded_as_denied()
    {
        var received = await triage.ReceiveAsync();
        intake.Refuse(received.ContactId);
        var practitioner = $"sw-{Guid.NewGuid():N}";

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await server.Client.GetContactForScreeningAsync(
            new GetContactForScreeningRequest { ContactId = received.ContactId }, TestTokens.Bearer(TestTokens.For(practitioner, MashRoles.Practitioner))));

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Equal(1, await AuditRowsAsync(practitioner, "GetContactForScreening", received.ContactId, "denied"));
    }

    [Fact]
    public async Task Content_of_a_contact_not_in_the_queue_is_not_found_without_asking_intake()
    {
        var contactId = Guid.NewGuid().ToString();

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await server.Client.GetContactForScreeningAsync(
            new GetContactForScreeningRequest { ContactId = contactId }, TestTokens.Bearer(TestTokens.For("sw-1", MashRoles.Practitioner))));

        Assert.Equal(StatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain(intake.Calls, c => c.ContactId == contactId);
    }

    [Fact]
    public async Task The_actor_is_the_token_not_the_request()
    {
        var received = await triage.ReceiveAsync();
        var practitioner = $"sw-{Guid.NewGuid():N}";

#pragma warning disable CS0612 // the deprecated field, sent to show it is ignored
        var request = new RateContactRequest { ContactId = received.ContactId, Rag = Mash.Contracts.Common.V1.Rag.Amber, PractitionerId = "someone-else" };
#pragma warning restore CS0612
        await server.Client.RateContactAsync(request, TestTokens.Bearer(TestTokens.For(practitioner, MashRoles.Practitioner)));

        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM contact_ratings WHERE contact_id = $1 AND practitioner_id = $2", received.ContactId, practitioner));
        Assert.Equal(1, await AuditRowsAsync(practitioner, "RateContact", received.ContactId, "allowed"));
    }

    [Fact]
    public async Task An_agency_answers_what_was_asked_of_it_with_its_own_token()
    {
        var received = await triage.ReceiveAsync();
        var asked = await triage.Service.RequestInformation(new RequestInformationRequest { ContactId = received.ContactId, AgencyId = "police-west", Question = "Known to police?" }, Callers.Practitioner());

        var answered = await server.Client.AnswerInformationRequestAsync(new AnswerInformationRequestRequest { RequestId = asked.RequestId, Answer = "Two call-outs in May" },
            TestTokens.Bearer(TriageServer.PoliceWestToken));

        Assert.Equal(("police-west", "within 4 h"), (answered.AnsweredBy, answered.ResponseBand));
    }
}
