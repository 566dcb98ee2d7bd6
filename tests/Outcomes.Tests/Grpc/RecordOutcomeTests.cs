using Mash.Contracts.Outcomes.V1;
using Mash.Outcomes.Tests.Infrastructure;
using Grpc.Core;
using Google.Rpc;

namespace Mash.Outcomes.Tests.Grpc;

[Collection(OutcomesDatabaseCollection.Name)]
public sealed class RecordOutcomeTests(OutcomesDatabase database)
{
    private static RecordOutcomeRequest Request(string contactId, string outcome = "early-help") =>
        new() { ContactId = contactId, Outcome = outcome, PractitionerId = "sw-1" };

    [Fact]
    public async Task A_recorded_outcome_answers_with_its_case_ref()
    {
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());
        await outcomes.ContactAsync("c1");
        var response = await outcomes.Service.RecordOutcome(Request("c1"), new TestCallContext());
        Assert.Equal(outcomes.CaseRefs.For("c1"), response.CaseRef);
    }

    [Fact]
    public async Task A_bad_request_is_invalid_argument_naming_each_field_and_changes_nothing()
    {
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());
        await outcomes.ContactAsync("c1");
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            outcomes.Service.RecordOutcome(new RecordOutcomeRequest { ContactId = "c1", Outcome = "not-a-code" }, new TestCallContext()));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var details = error.GetRpcStatus()!.Details.Single().Unpack<BadRequest>();
        Assert.Equal(["outcome", "practitioner_id"], details.FieldViolations.Select(v => v.Field));
        Assert.Empty(await outcomes.OutboxAsync());
    }

    [Fact]
    public async Task An_unknown_contact_is_not_found()
    {
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());
        var error = await Assert.ThrowsAsync<RpcException>(() => outcomes.Service.RecordOutcome(Request("nobody"), new TestCallContext()));
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task An_undecided_contact_is_a_failed_precondition()
    {
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());
        await outcomes.ContactAsync("c1", decided: false);
        var error = await Assert.ThrowsAsync<RpcException>(() => outcomes.Service.RecordOutcome(Request("c1"), new TestCallContext()));
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
    }

    [Fact]
    public async Task A_different_outcome_for_a_recorded_contact_is_a_failed_precondition()
    {
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());
        await outcomes.ContactAsync("c1");
        await outcomes.Service.RecordOutcome(Request("c1", "advice"), new TestCallContext());
        var error = await Assert.ThrowsAsync<RpcException>(() => outcomes.Service.RecordOutcome(Request("c1", "nfa"), new TestCallContext()));
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
    }
}
