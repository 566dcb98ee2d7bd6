using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Mash.Contracts.Outcomes.V1;
using Mash.Outcomes.Tests.Infrastructure;
using Mash.ServiceDefaults;

namespace Mash.Outcomes.Tests.Grpc;

[Collection(OutcomesDatabaseCollection.Name)]
public sealed class FeedbackTests(OutcomesDatabase database)
{
    private const string ContactId = "0b7d6a52-3f1e-4c8a-9d2b-5e6f7a8b9c01";

    private static TestCallContext Staff(string id, string role) => TestCallContext.ByStaff(id, [role]);

    private static RecordFeedbackRequest Telling(string agencyId = "police-west", Timestamp? at = null) =>
        new() { ContactId = ContactId, AgencyId = agencyId, OccurredAt = at };

    private async Task<OutcomesUnderTest> OutcomeAsync()
    {
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());
        await outcomes.ContactAsync(ContactId);
        await outcomes.ContributedAsync(ContactId, "school-9");
        await outcomes.Recorder.RecordAsync(ContactId, "advice", "sw-1", CancellationToken.None);
        return outcomes;
    }

    [Fact]
    public async Task Feedback_is_recorded_as_the_caller_now_naming_who_is_still_owed()
    {
        var outcomes = await OutcomeAsync();

        var response = await outcomes.Service.RecordFeedback(Telling(), Staff("sw-2", MashRoles.Practitioner));

        Assert.Equal(OutcomesUnderTest.NowTimestamp, response.ToldAt);
        Assert.Equal(["school-9"], response.NotYetTold);
        await using var command = outcomes.DataSource.CreateCommand("SELECT given_by FROM feedback");
        Assert.Equal("sw-2", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task An_importer_gives_the_time_it_was_told()
    {
        var outcomes = await OutcomeAsync();
        var at = Timestamp.FromDateTimeOffset(OutcomesUnderTest.Now);

        Assert.Equal(at, (await outcomes.Service.RecordFeedback(Telling(at: at), Staff("importer-1", MashRoles.Importer))).ToldAt);
    }

    [Fact]
    public async Task Anyone_else_giving_a_time_is_permission_denied_on_record_and_changes_nothing()
    {
        var outcomes = await OutcomeAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            outcomes.Service.RecordFeedback(Telling(at: OutcomesUnderTest.NowTimestamp), Staff("sw-2", MashRoles.Practitioner)));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal(0, await outcomes.DataSource.CountAsync("feedback"));
        await using var audited = outcomes.DataSource.CreateCommand("SELECT count(*) FROM audit_log WHERE actor_id = 'sw-2' AND record_id = $1 AND outcome = 'denied'");
        audited.Parameters.Add(new() { Value = ContactId });
        Assert.Equal(1L, await audited.ExecuteScalarAsync());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-1)]
    public async Task An_importers_time_in_the_future_or_before_the_outcome_is_invalid_argument_naming_occurred_at(int hours)
    {
        var outcomes = await OutcomeAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            outcomes.Service.RecordFeedback(Telling(at: Timestamp.FromDateTimeOffset(OutcomesUnderTest.Now.AddHours(hours))), Staff("importer-1", MashRoles.Importer)));

        Assert.Equal(["occurred_at"], error.GetRpcStatus()!.Details.Single().Unpack<BadRequest>().FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task Telling_an_agency_not_owed_the_outcome_is_a_failed_precondition()
    {
        var outcomes = await OutcomeAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => outcomes.Service.RecordFeedback(Telling("housing-1"), Staff("sw-2", MashRoles.Practitioner)));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
    }

    [Fact]
    public async Task A_bad_request_is_invalid_argument_naming_each_field()
    {
        var outcomes = await OutcomeAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => outcomes.Service.RecordFeedback(new RecordFeedbackRequest(), Staff("sw-2", MashRoles.Practitioner)));

        Assert.Equal(["contact_id", "agency_id"], error.GetRpcStatus()!.Details.Single().Unpack<BadRequest>().FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task The_counts_give_each_agency_and_the_total()
    {
        var outcomes = await OutcomeAsync();
        await outcomes.Service.RecordFeedback(Telling(), Staff("sw-2", MashRoles.Practitioner));

        var counts = await outcomes.Service.GetFeedbackCounts(
            new GetFeedbackCountsRequest { From = Timestamp.FromDateTimeOffset(OutcomesUnderTest.Now.AddDays(-1)), To = Timestamp.FromDateTimeOffset(OutcomesUnderTest.Now.AddDays(1)) },
            Staff("board-1", MashRoles.BoardMember));

        Assert.Equal([("police-west", 1L, 1L, 100.0), ("school-9", 1L, 0L, 0.0)], counts.Agencies.Select(a => (a.AgencyId, a.Owed, a.Told, a.PercentTold)));
        Assert.Equal((2L, 1L, 1L, 50.0), (counts.Total.Owed, counts.Total.Told, counts.Total.NotTold, counts.Total.PercentTold));
    }

    [Fact]
    public async Task Counts_without_a_period_are_invalid_argument_naming_from_and_to()
    {
        var outcomes = await OutcomeAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => outcomes.Service.GetFeedbackCounts(new GetFeedbackCountsRequest(), Staff("board-1", MashRoles.BoardMember)));

        Assert.Equal(["from", "to"], error.GetRpcStatus()!.Details.Single().Unpack<BadRequest>().FieldViolations.Select(v => v.Field));
    }
}
