using Mash.Contracts.Intake.V1;
using Mash.Intake.Tests.Infrastructure;
using Grpc.Core;

namespace Mash.Intake.Tests.Bulk;

/// <summary>SubmitContacts: each item taken exactly as SubmitContact takes it, answered in order, a refused item not stopping the rest.</summary>
[Collection(IntakeDatabaseCollection.Name)]
public sealed class SubmitContactsTests(IntakeDatabase database)
{
    private readonly IntakeUnderTest intake = new(database);

    private async Task<List<SubmitContactResult>> SubmitAllAsync(IEnumerable<SubmitContactRequest> requests, string agency = TestCallers.PoliceWest)
    {
        var responses = new TestStreamWriter<SubmitContactResult>();
        await intake.Service.SubmitContacts(new TestStreamReader<SubmitContactRequest>(requests), responses, TestCallers.Agency(agency));
        return responses.Written;
    }

    private Task<long> StoredAsync(string requestId) =>
        database.CountAsync("SELECT count(*) FROM contacts WHERE request_id = $1", requestId);

    [Fact]
    public async Task Every_valid_item_is_accepted_and_answered_in_order()
    {
        var requests = Enumerable.Range(0, 5).Select(_ => TestContacts.Request()).ToList();

        var results = await SubmitAllAsync(requests);

        Assert.Equal(requests.Select(r => r.RequestId), results.Select(r => r.RequestId));
        Assert.All(results, r => Assert.Equal(SubmitContactResult.ResultOneofCase.Accepted, r.ResultCase));
        Assert.Equal(5, results.Select(r => r.Accepted.ContactId).Distinct().Count());
        foreach (var request in requests)
        {
            Assert.Equal(1, await StoredAsync(request.RequestId));
        }
    }

    [Fact]
    public async Task A_bad_item_is_rejected_with_its_fields_at_fault_and_the_items_around_it_are_stored()
    {
        var before = TestContacts.Request();
        var bad = TestContacts.Request();
        bad.Contact.Agency.ReferralSource = "99";
        bad.Contact.Subjects[0].NhsNumber = "9434765918";
        var after = TestContacts.Request();

        var results = await SubmitAllAsync([before, bad, after]);

        Assert.Equal([SubmitContactResult.ResultOneofCase.Accepted, SubmitContactResult.ResultOneofCase.Rejected, SubmitContactResult.ResultOneofCase.Accepted],
            results.Select(r => r.ResultCase));
        Assert.Equal(bad.RequestId, results[1].RequestId);
        Assert.Equal((int)StatusCode.InvalidArgument, results[1].Rejected.Code);
        Assert.Equal(["contact.agency.referral_source", "contact.subjects[0].nhs_number"], results[1].Rejected.FieldViolations.Select(v => v.Field));
        Assert.Equal(1, await StoredAsync(before.RequestId));
        Assert.Equal(0, await StoredAsync(bad.RequestId));
        Assert.Equal(1, await StoredAsync(after.RequestId));
    }

    [Fact]
    public async Task A_retried_request_id_returns_the_original_receipt()
    {
        var request = TestContacts.Request();
        var original = await intake.Service.SubmitContact(request, TestCallers.Agency());

        var results = await SubmitAllAsync([request, request.Clone()]);

        Assert.All(results, r => Assert.Equal(original, r.Accepted));
        Assert.Equal(1, await StoredAsync(request.RequestId));
    }

    [Fact]
    public async Task Another_agencys_item_is_rejected_PERMISSION_DENIED_and_the_rest_are_stored()
    {
        var own = TestContacts.Request();
        var foreign = TestContacts.Request();
        foreign.Contact.Agency.OrganisationId = "st-marys-school";

        var results = await SubmitAllAsync([foreign, own]);

        Assert.Equal((int)StatusCode.PermissionDenied, results[0].Rejected.Code);
        Assert.Empty(results[0].Rejected.FieldViolations);
        Assert.Equal(SubmitContactResult.ResultOneofCase.Accepted, results[1].ResultCase);
        Assert.Equal(0, await StoredAsync(foreign.RequestId));
        Assert.Equal(1, await StoredAsync(own.RequestId));
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM audit_log WHERE record_id = $1 AND actor_id = 'police-west' AND outcome = 'denied'", foreign.RequestId));
    }
}
