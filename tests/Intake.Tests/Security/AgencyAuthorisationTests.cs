using Mash.Contracts.Intake.V1;
using Mash.Intake.Tests.Infrastructure;
using Mash.ServiceDefaults;
using Grpc.Core;

namespace Mash.Intake.Tests.Security;

/// <summary>An agency submits and reads only its own contacts, a practitioner reads any; every read of one is in audit_log, refused ones too, with the caller from the credentials.</summary>
[Collection(IntakeDatabaseCollection.Name)]
public sealed class AgencyAuthorisationTests(IntakeDatabase database)
{
    private const string School = "st-marys-school";

    private const string SubmitContactMethod = "/mash.intake.v1.IntakeService/SubmitContact";

    private readonly IntakeUnderTest intake = new(database);

    private async Task<string> SubmitAsPoliceAsync() =>
        (await intake.Service.SubmitContact(TestContacts.Request(), TestCallers.Agency())).ContactId;

    private Task<long> AuditRowsAsync(string contactId, string actorId, string outcome) => database.CountAsync(
        "SELECT count(*) FROM audit_log WHERE record_id = $1 AND actor_id = $2 AND action = $5 AND outcome = $3 AND occurred_at = $4",
        contactId, actorId, outcome, intake.Time.Now, TestCallers.GetContactMethod);

    private Task<long> AllAuditRowsAsync(string contactId) =>
        database.CountAsync("SELECT count(*) FROM audit_log WHERE record_id = $1", contactId);

    private static TestCallContext Reader(string organisationId = TestCallers.PoliceWest) => TestCallers.Agency(organisationId, method: TestCallers.GetContactMethod);

    [Fact]
    public async Task Submitting_as_another_agency_is_PERMISSION_DENIED_on_record_and_stores_nothing()
    {
        var request = TestContacts.Request();

        var refused = await Assert.ThrowsAsync<RpcException>(() => intake.Service.SubmitContact(request, TestCallers.Agency(School, method: SubmitContactMethod)));

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM contacts WHERE request_id = $1", request.RequestId));
        Assert.Equal(1, await database.CountAsync(
            "SELECT count(*) FROM audit_log WHERE record_id = $1 AND actor_id = $2 AND agency_id = $2 AND action = $3 AND outcome = 'denied' AND occurred_at = $4",
            request.RequestId, School, SubmitContactMethod, intake.Time.Now));
    }

    [Fact]
    public async Task Reading_another_agencys_contact_is_PERMISSION_DENIED_and_audited_as_denied()
    {
        var contactId = await SubmitAsPoliceAsync();

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            intake.Service.GetContact(new GetContactRequest { ContactId = contactId }, Reader(School)));

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.DoesNotContain("Amelia", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(1, await AuditRowsAsync(contactId, School, "denied"));
        Assert.Equal(1, await AllAuditRowsAsync(contactId));
    }

    [Fact]
    public async Task Reading_its_own_contact_is_audited_as_allowed()
    {
        var contactId = await SubmitAsPoliceAsync();

        var record = await intake.Service.GetContact(new GetContactRequest { ContactId = contactId }, Reader());

        Assert.Equal(contactId, record.ContactId);
        Assert.Equal(1, await AuditRowsAsync(contactId, TestCallers.PoliceWest, "allowed"));
        Assert.Equal(1, await AllAuditRowsAsync(contactId));
    }

    [Fact]
    public async Task A_practitioner_reads_any_agencys_contact_audited_as_themselves()
    {
        var contactId = await SubmitAsPoliceAsync();

        var record = await intake.Service.GetContact(new GetContactRequest { ContactId = contactId }, TestCallers.Practitioner("sw-9", TestCallers.GetContactMethod));

        Assert.Equal(contactId, record.ContactId);
        Assert.Equal(1, await AuditRowsAsync(contactId, "sw-9", "allowed"));
    }

    [Theory]
    [InlineData(MashRoles.BoardMember)]
    [InlineData(MashRoles.Operations)]
    public async Task Staff_who_do_not_screen_read_no_contact_even_past_the_policy(string role)
    {
        var contactId = await SubmitAsPoliceAsync();

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            intake.Service.GetContact(new GetContactRequest { ContactId = contactId }, TestCallContext.ByStaff("someone", [role], method: TestCallers.GetContactMethod)));

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Equal(0, await AllAuditRowsAsync(contactId));
    }

    [Fact]
    public async Task A_practitioner_submits_nothing_even_past_the_policy()
    {
        var request = TestContacts.Request();

        var refused = await Assert.ThrowsAsync<RpcException>(() => intake.Service.SubmitContact(request, TestCallers.Practitioner()));

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM contacts WHERE request_id = $1", request.RequestId));
    }

    [Fact]
    public async Task Submitting_reads_no_personal_data_and_is_not_audited()
    {
        var request = TestContacts.Request();
        var first = await intake.Service.SubmitContact(request, TestCallers.Agency());

        var retry = await intake.Service.SubmitContact(request, TestCallers.Agency());

        Assert.Equal(first.ContactId, retry.ContactId);
        Assert.Equal(0, await AllAuditRowsAsync(first.ContactId));
    }

    [Fact]
    public async Task An_unknown_contact_is_NOT_FOUND_and_nothing_is_audited()
    {
        var contactId = Guid.NewGuid().ToString();

        var missing = await Assert.ThrowsAsync<RpcException>(() =>
            intake.Service.GetContact(new GetContactRequest { ContactId = contactId }, Reader(School)));

        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        Assert.Equal(0, await AllAuditRowsAsync(contactId));
    }

    [Fact]
    public async Task A_handler_reached_without_an_authenticated_caller_fails_closed()
    {
        var contactId = await SubmitAsPoliceAsync();

        var submit = await Assert.ThrowsAsync<RpcException>(() => intake.Service.SubmitContact(TestContacts.Request(), new TestCallContext()));
        var get = await Assert.ThrowsAsync<RpcException>(() =>
            intake.Service.GetContact(new GetContactRequest { ContactId = contactId }, new TestCallContext()));

        Assert.Equal(StatusCode.Unauthenticated, submit.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, get.StatusCode);
        Assert.Equal(0, await AllAuditRowsAsync(contactId));
    }
}
