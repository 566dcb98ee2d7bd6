using Mash.Contracts.Intake.V1;
using Mash.Intake.Grpc;
using Mash.Intake.Tests.Infrastructure;
using Grpc.Core;

namespace Mash.Intake.Tests.Bulk;

/// <summary>SubmitContactBatches: each contact taken as SubmitContacts takes it, each batch answered in order with its contacts' results in theirs.</summary>
[Collection(IntakeDatabaseCollection.Name)]
public sealed class SubmitContactBatchesTests(IntakeDatabase database)
{
    private readonly IntakeUnderTest intake = new(database);

    private async Task<List<SubmitContactBatchResult>> SubmitAllAsync(IEnumerable<SubmitContactBatch> batches, TestStreamWriter<SubmitContactBatchResult>? responses = null)
    {
        responses ??= new();
        await intake.Service.SubmitContactBatches(new TestStreamReader<SubmitContactBatch>(batches), responses, TestCallers.Agency());
        return responses.Written;
    }

    private static SubmitContactBatch Batch(params SubmitContactRequest[] contacts) => new() { Contacts = { contacts } };

    private static SubmitContactBatch BatchOf(int count) => Batch([.. Enumerable.Range(0, count).Select(_ => TestContacts.Request())]);

    private Task<long> StoredAsync(string requestId) =>
        database.CountAsync("SELECT count(*) FROM contacts WHERE request_id = $1", requestId);

    [Fact]
    public async Task Every_batch_is_answered_in_order_with_its_contacts_results_in_theirs()
    {
        var batches = new[] { BatchOf(3), BatchOf(1), BatchOf(250) };

        var results = await SubmitAllAsync(batches);

        Assert.Equal(batches.Length, results.Count);
        for (var b = 0; b < batches.Length; b++)
        {
            Assert.Equal(batches[b].Contacts.Select(c => c.RequestId), results[b].Results.Select(r => r.RequestId));
            Assert.All(results[b].Results, r => Assert.Equal(SubmitContactResult.ResultOneofCase.Accepted, r.ResultCase));
        }
        Assert.Equal(254, results.SelectMany(r => r.Results).Select(r => r.Accepted.ContactId).Distinct().Count());
        Assert.Equal(254, await database.CountAsync("SELECT count(*) FROM contacts WHERE request_id = ANY($1)", (object)batches.SelectMany(b => b.Contacts).Select(c => c.RequestId).ToArray()));
    }

    [Fact]
    public async Task A_refused_contact_is_answered_with_its_refusal_and_the_rest_of_its_batch_is_stored()
    {
        var bad = TestContacts.Request();
        bad.Contact.Agency.ReferralSource = "99";
        var foreign = TestContacts.Request();
        foreign.Contact.Agency.OrganisationId = "st-marys-school";
        var good = TestContacts.Request();

        var result = Assert.Single(await SubmitAllAsync([Batch(bad, foreign, good)]));

        Assert.Equal([SubmitContactResult.ResultOneofCase.Rejected, SubmitContactResult.ResultOneofCase.Rejected, SubmitContactResult.ResultOneofCase.Accepted],
            result.Results.Select(r => r.ResultCase));
        Assert.Equal((int)StatusCode.InvalidArgument, result.Results[0].Rejected.Code);
        Assert.Equal(["contact.agency.referral_source"], result.Results[0].Rejected.FieldViolations.Select(v => v.Field));
        Assert.Equal((int)StatusCode.PermissionDenied, result.Results[1].Rejected.Code);
        Assert.Equal(0, await StoredAsync(bad.RequestId));
        Assert.Equal(0, await StoredAsync(foreign.RequestId));
        Assert.Equal(1, await StoredAsync(good.RequestId));
    }

    [Fact]
    public async Task A_retried_request_id_in_a_batch_returns_the_original_receipt()
    {
        var request = TestContacts.Request();
        var original = await intake.Service.SubmitContact(request, TestCallers.Agency());

        var result = Assert.Single(await SubmitAllAsync([Batch(request, request.Clone())]));

        Assert.All(result.Results, r => Assert.Equal(original, r.Accepted));
        Assert.Equal(1, await StoredAsync(request.RequestId));
    }

    [Fact]
    public async Task An_empty_batch_is_answered_with_no_results()
    {
        var results = await SubmitAllAsync([Batch(), BatchOf(1)]);

        Assert.Equal([0, 1], results.Select(r => r.Results.Count));
    }

    [Fact]
    public async Task A_batch_over_the_limit_ends_the_call_INVALID_ARGUMENT_naming_contacts_after_answering_the_batches_before_it_and_stores_nothing_of_it_or_after()
    {
        var before = BatchOf(2);
        var tooBig = BatchOf(BulkSubmission.MaxBatch + 1);
        var after = BatchOf(2);
        var responses = new TestStreamWriter<SubmitContactBatchResult>();

        var refused = await Assert.ThrowsAsync<RpcException>(() => SubmitAllAsync([before, tooBig, after], responses));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal(["contacts"], refused.GetRpcStatus()!.Details.Single().Unpack<Google.Rpc.BadRequest>().FieldViolations.Select(v => v.Field));
        Assert.Equal(before.Contacts.Select(c => c.RequestId), Assert.Single(responses.Written).Results.Select(r => r.RequestId));
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM contacts WHERE request_id = ANY($1)", (object)tooBig.Contacts.Concat(after.Contacts).Select(c => c.RequestId).ToArray()));
    }
}
