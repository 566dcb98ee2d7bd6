using Mash.Contracts.Intake.V1;
using Mash.Intake.Tests.Infrastructure;
using Grpc.Core;

namespace Mash.Intake.Tests.Security;

/// <summary>An agency submits and reads only its own contacts; every read of one is in audit_log, refused ones too.</summary>
[Collection(IntakeDatabaseCollection.Name)]
public sealed class AgencyAuthorisationTests(IntakeDatabase database)
{
    private const string School = "st-marys-school";

    private readonly IntakeUnderTest intake = new(database);

    private async Task<string> SubmitAsPoliceAsync() =>
        (await intake.Service.SubmitContact(TestContacts.Request(), TestCallers.Agency())).ContactId;

    private Task<long> AuditRowsAsync(string contactId, string organisationId, string outcome) => database.CountAsync(
        "SELECT count(*) FROM audit_log WHERE contact_id = $1 AND organisation_id = $2 AND action = 'GetContact' AND outcome = $3 AND occurred_at = $4",
        Guid.Parse(contactId), organisationId, outcome, intake.Time.Now);

    private Task<long> AllAuditRowsAsync(string contactId) =>
        database.CountAsync("SELECT count(*) FROM audit_log WHERE contact_id = $1", Guid.Parse(contactId));

    [Fact]
    public async Task Submitting_as_another_agency_is_PERMISSION_DENIED_and_stores_nothing()
    {
        var request = TestContacts.Request();

        var refused = await Assert.ThrowsAsync<RpcException>(() => intake.Service.SubmitContact(request, TestCallers.Agency(School)));

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM contacts WHERE request_id = $1", request.RequestId));
    }

    [Fact]
    public async Task Reading_another_agencys_contact_is_PERMISSION_DENIED_and_audited_as_denied()
    {
        var contactId = await SubmitAsPoliceAsync();

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            intake.Service.GetContact(new GetContactRequest { ContactId = contactId }, TestCallers.Agency(School)));

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.DoesNotContain("Amelia", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(1, await AuditRowsAsync(contactId, School, "denied"));
        Assert.Equal(1, await AllAuditRowsAsync(contactId));
    }

    [Fact]
    public async Task Reading_its_own_contact_is_audited_as_allowed()
    {
        var contactId = await SubmitAsPoliceAsync();

        var record = await intake.Service.GetContact(new GetContactRequest { ContactId = contactId }, TestCallers.Agency());

        Assert.Equal(contactId, record.ContactId);
        Assert.Equal(1, await AuditRowsAsync(contactId, TestCallers.PoliceWest, "allowed"));
        Assert.Equal(1, await AllAuditRowsAsync(contactId));
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
            intake.Service.GetContact(new GetContactRequest { ContactId = contactId }, TestCallers.Agency(School)));

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
