using Mash.Contracts.Outcomes.V1;
using Mash.Outcomes.Tests.Infrastructure;
using Grpc.Core;
using Google.Rpc;
using Mash.ServiceDefaults;

namespace Mash.Outcomes.Tests.Grpc;

[Collection(OutcomesDatabaseCollection.Name)]
public sealed class RecordOutcomeTests(OutcomesDatabase database)
{
    /// <summary>A contact's id as Intake gives it; each test has a database of its own.</summary>
    private const string ContactId = "0b7d6a52-3f1e-4c8a-9d2b-5e6f7a8b9c01";

    private static RecordOutcomeRequest Request(string contactId, string outcome = "early-help") =>
        new() { ContactId = contactId, Outcome = outcome, PractitionerId = "sw-1" };

    /// <summary>The practitioner the credentials name: sw-1.</summary>
    private static TestCallContext Practitioner => TestCallContext.ByStaff("sw-1", [MashRoles.Practitioner]);

    [Fact]
    public async Task A_recorded_outcome_answers_with_its_case_ref()
    {
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());
        await outcomes.ContactAsync(ContactId);
        var response = await outcomes.Service.RecordOutcome(Request(ContactId), Practitioner);
        Assert.Equal(outcomes.CaseRefs.For(ContactId), response.CaseRef);
    }

    [Fact]
    public async Task A_bad_request_is_invalid_argument_naming_each_field_and_changes_nothing()
    {
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());
        await outcomes.ContactAsync(ContactId);
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            outcomes.Service.RecordOutcome(new RecordOutcomeRequest { ContactId = ContactId, Outcome = "not-a-code" }, Practitioner));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var details = error.GetRpcStatus()!.Details.Single().Unpack<BadRequest>();
        Assert.Equal(["outcome"], details.FieldViolations.Select(v => v.Field));
        Assert.Empty(await outcomes.OutboxAsync());
    }

    [Fact]
    public async Task An_unknown_contact_is_not_found()
    {
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());
        var error = await Assert.ThrowsAsync<RpcException>(() => outcomes.Service.RecordOutcome(Request(Guid.NewGuid().ToString()), Practitioner));
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task An_undecided_contact_is_a_failed_precondition()
    {
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());
        await outcomes.ContactAsync(ContactId, decided: false);
        var error = await Assert.ThrowsAsync<RpcException>(() => outcomes.Service.RecordOutcome(Request(ContactId), Practitioner));
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
    }

    [Fact]
    public async Task A_different_outcome_for_a_recorded_contact_is_a_failed_precondition()
    {
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());
        await outcomes.ContactAsync(ContactId);
        await outcomes.Service.RecordOutcome(Request(ContactId, "advice"), Practitioner);
        var error = await Assert.ThrowsAsync<RpcException>(() => outcomes.Service.RecordOutcome(Request(ContactId, "nfa"), Practitioner));
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("sw-1")]
    public async Task The_outcome_is_recorded_as_the_practitioner_the_credentials_name(string practitionerId)
    {
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());
        await outcomes.ContactAsync(ContactId);

        await outcomes.Service.RecordOutcome(new RecordOutcomeRequest { ContactId = ContactId, Outcome = "advice", PractitionerId = practitionerId }, Practitioner);

        await using var command = outcomes.DataSource.CreateCommand("SELECT practitioner_id FROM outcomes WHERE contact_id = $1");
        command.Parameters.Add(new() { Value = ContactId });
        Assert.Equal("sw-1", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Naming_another_practitioner_is_permission_denied_on_record_and_records_nothing()
    {
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());
        await outcomes.ContactAsync(ContactId);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            outcomes.Service.RecordOutcome(new RecordOutcomeRequest { ContactId = ContactId, Outcome = "advice", PractitionerId = "sw-2" }, Practitioner));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal(0, await outcomes.DataSource.CountAsync("outcomes"));
        Assert.Empty(await outcomes.OutboxAsync());
        await using var audited = outcomes.DataSource.CreateCommand(
            "SELECT count(*) FROM audit_log WHERE actor_id = 'sw-1' AND record_id = $1 AND outcome = 'denied' AND occurred_at = $2");
        audited.Parameters.Add(new() { Value = ContactId });
        audited.Parameters.Add(new() { Value = OutcomesUnderTest.Now });
        Assert.Equal(1L, await audited.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_contact_id_that_is_not_a_uuid_is_invalid_argument_naming_it_not_an_unknown_contact()
    {
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());

        var error = await Assert.ThrowsAsync<RpcException>(() => outcomes.Service.RecordOutcome(Request("c1"), Practitioner));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["contact_id"], error.GetRpcStatus()!.Details.Single().Unpack<BadRequest>().FieldViolations.Select(v => v.Field));
    }
}
