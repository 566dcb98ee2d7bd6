using Google.Rpc;
using Grpc.Core;
using Mash.Contracts.Outcomes.V1;
using Mash.Outcomes.Tests.Infrastructure;
using Mash.ServiceDefaults;

namespace Mash.Outcomes.Tests.Grpc;

[Collection(OutcomesDatabaseCollection.Name)]
public sealed class CorrectOutcomeTests(OutcomesDatabase database)
{
    private const string ContactId = "0b7d6a52-3f1e-4c8a-9d2b-5e6f7a8b9c01";

    private static TestCallContext Practitioner(string id = "sw-1") => TestCallContext.ByStaff(id, [MashRoles.Practitioner]);

    private static CorrectOutcomeRequest Correction(string outcome = "assessment", string reason = "late police disclosure") =>
        new() { ContactId = ContactId, Outcome = outcome, Reason = reason };

    private async Task<OutcomesUnderTest> RecordedAsync()
    {
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());
        await outcomes.ContactAsync(ContactId);
        await outcomes.Service.RecordOutcome(new RecordOutcomeRequest { ContactId = ContactId, Outcome = "nfa" }, Practitioner());
        return outcomes;
    }

    [Fact]
    public async Task A_correction_answers_with_the_case_ref_and_revision_and_is_recorded_as_the_caller()
    {
        var outcomes = await RecordedAsync();

        var response = await outcomes.Service.CorrectOutcome(Correction(), Practitioner("sw-2"));

        Assert.Equal((outcomes.CaseRefs.For(ContactId), 2), (response.CaseRef, response.Revision));
        var history = await outcomes.Service.GetOutcomeHistory(new GetOutcomeHistoryRequest { ContactId = ContactId }, Practitioner());
        Assert.Equal([("nfa", "sw-1", ""), ("assessment", "sw-2", "late police disclosure")],
            history.Revisions.Select(r => (r.Outcome, r.PractitionerId, r.Reason)));
        Assert.Equal(outcomes.CaseRefs.For(ContactId), history.CaseRef);
    }

    [Fact]
    public async Task A_bad_request_is_invalid_argument_naming_each_field_and_changes_nothing()
    {
        var outcomes = await RecordedAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => outcomes.Service.CorrectOutcome(Correction("not-a-code", ""), Practitioner()));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["outcome", "reason"], error.GetRpcStatus()!.Details.Single().Unpack<BadRequest>().FieldViolations.Select(v => v.Field));
        Assert.Empty(await outcomes.CorrectionsAsync());
    }

    [Fact]
    public async Task Correcting_a_contact_without_an_outcome_is_not_found()
    {
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());
        await outcomes.ContactAsync(ContactId);

        var error = await Assert.ThrowsAsync<RpcException>(() => outcomes.Service.CorrectOutcome(Correction(), Practitioner()));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Correcting_to_the_outcome_in_force_is_a_failed_precondition()
    {
        var outcomes = await RecordedAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => outcomes.Service.CorrectOutcome(Correction("nfa"), Practitioner()));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
    }

    [Fact]
    public async Task Recording_a_different_outcome_points_to_a_correction()
    {
        var outcomes = await RecordedAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            outcomes.Service.RecordOutcome(new RecordOutcomeRequest { ContactId = ContactId, Outcome = "assessment" }, Practitioner()));

        Assert.Contains("CorrectOutcome", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_history_read_with_a_malformed_contact_id_is_invalid_argument_naming_it()
    {
        var outcomes = await RecordedAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => outcomes.Service.GetOutcomeHistory(new GetOutcomeHistoryRequest { ContactId = "c1" }, Practitioner()));

        Assert.Equal(["contact_id"], error.GetRpcStatus()!.Details.Single().Unpack<BadRequest>().FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task Reading_the_history_is_audited_against_the_contact()
    {
        var outcomes = await RecordedAsync();

        await outcomes.Service.GetOutcomeHistory(new GetOutcomeHistoryRequest { ContactId = ContactId }, Practitioner("sw-9"));

        await using var command = outcomes.DataSource.CreateCommand("SELECT count(*) FROM audit_log WHERE actor_id = 'sw-9' AND record_id = $1 AND outcome = 'allowed'");
        command.Parameters.Add(new() { Value = ContactId });
        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }
}
