using Mash.Contracts.Outcomes.V1;
using Mash.Outcomes.Tests.Infrastructure;
using Grpc.Core;
using Google.Rpc;
using Mash.ServiceDefaults;

namespace Mash.Outcomes.Tests.Grpc;

[Collection(OutcomesDatabaseCollection.Name)]
public sealed class RecordOutcomeTests(OutcomesDatabase database)
{
    private static RecordOutcomeRequest Request(string contactId, string outcome = "early-help") =>
        new() { ContactId = contactId, Outcome = outcome, PractitionerId = "sw-1" };

    /// <summary>The practitioner the credentials name: sw-1.</summary>
    private static TestCallContext Practitioner => TestCallContext.ByStaff("sw-1", [MashRoles.Practitioner]);

    [Fact]
    public async Task A_recorded_outcome_answers_with_its_case_ref()
    {
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());
        await outcomes.ContactAsync("c1");
        var response = await outcomes.Service.RecordOutcome(Request("c1"), Practitioner);
        Assert.Equal(outcomes.CaseRefs.For("c1"), response.CaseRef);
    }

    [Fact]
    public async Task A_bad_request_is_invalid_argument_naming_each_field_and_changes_nothing()
    {
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());
        await outcomes.ContactAsync("c1");
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            outcomes.Service.RecordOutcome(new RecordOutcomeRequest { ContactId = "c1", Outcome = "not-a-code" }, Practitioner));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var details = error.GetRpcStatus()!.Details.Single().Unpack<BadRequest>();
        Assert.Equal(["outcome"], details.FieldViolations.Select(v => v.Field));
        Assert.Empty(await outcomes.OutboxAsync());
    }

    [Fact]
    public async Task An_unknown_contact_is_not_found()
    {
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());
        var error = await Assert.ThrowsAsync<RpcException>(() => outcomes.Service.RecordOutcome(Request("nobody"), Practitioner));
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task An_undecided_contact_is_a_failed_precondition()
    {
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());
        await outcomes.ContactAsync("c1", decided: false);
        var error = await Assert.ThrowsAsync<RpcException>(() => outcomes.Service.RecordOutcome(Request("c1"), Practitioner));
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
    }

    [Fact]
    public async Task A_different_outcome_for_a_recorded_contact_is_a_failed_precondition()
    {
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());
        await outcomes.ContactAsync("c1");
        await outcomes.Service.RecordOutcome(Request("c1", "advice"), Practitioner);
        var error = await Assert.ThrowsAsync<RpcException>(() => outcomes.Service.RecordOutcome(Request("c1", "nfa"), Practitioner));
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("sw-1")]
    public async Task The_outcome_is_recorded_as_the_practitioner_the_credentials_name(string practitionerId)
    {
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());
        await outcomes.ContactAsync("c1");

        await outcomes.Service.RecordOutcome(new RecordOutcomeRequest { ContactId = "c1", Outcome = "advice", PractitionerId = practitionerId }, Practitioner);

        await using var command = outcomes.DataSource.CreateCommand("SELECT practitioner_id FROM outcomes WHERE contact_id = 'c1'");
        Assert.Equal("sw-1", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Naming_another_practitioner_is_permission_denied_and_records_nothing()
    {
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());
        await outcomes.ContactAsync("c1");

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            outcomes.Service.RecordOutcome(new RecordOutcomeRequest { ContactId = "c1", Outcome = "advice", PractitionerId = "sw-2" }, Practitioner));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal(0, await outcomes.DataSource.CountAsync("outcomes"));
        Assert.Empty(await outcomes.OutboxAsync());
    }
}
