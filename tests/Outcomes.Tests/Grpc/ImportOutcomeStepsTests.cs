using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Outcomes.V1;
using Mash.Outcomes.Feed;
using Mash.Outcomes.Grpc;
using Mash.Outcomes.Tests.Infrastructure;
using Mash.ServiceDefaults;
using Mash.Testing.Identity;
using Mash.Testing.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Mash.Outcomes.Tests.Grpc;

/// <summary>
/// An importer's outcomes and tellings, many a call (ImportOutcomeSteps): each taken in order exactly
/// as RecordOutcome or RecordFeedback takes it, answered with what that RPC would have answered; importers only.
/// </summary>
[Collection(OutcomesDatabaseCollection.Name)]
public sealed class ImportOutcomeStepsTests(OutcomesDatabase database)
{
    /// <summary>Contacts' ids as Intake gives them; each test has a database of its own.</summary>
    private const string ContactId = "0b7d6a52-3f1e-4c8a-9d2b-5e6f7a8b9c01";
    private const string OtherContactId = "5c2e9a7b-1d3f-4e60-8a9b-0c1d2e3f4a5b";
    private const string ImportMethod = "/mash.outcomes.v1.OutcomesService/ImportOutcomeSteps";

    private static readonly DateTimeOffset Decided = OutcomesUnderTest.Now.AddDays(-30);

    private static TestCallContext Importer => TestCallContext.ByStaff("importer-1", [MashRoles.Importer]);

    private static Timestamp At(DateTimeOffset at) => Timestamp.FromDateTimeOffset(at);

    private static OutcomeStep Outcome(string contactId, DateTimeOffset at, string outcome = "nfa") =>
        new() { Outcome = new RecordOutcomeRequest { ContactId = contactId, Outcome = outcome, OccurredAt = At(at) } };

    private static OutcomeStep Telling(string contactId, string agencyId, DateTimeOffset at) =>
        new() { Feedback = new RecordFeedbackRequest { ContactId = contactId, AgencyId = agencyId, OccurredAt = At(at) } };

    private static ImportOutcomeStepsRequest Batch(params OutcomeStep[] steps) => new() { Steps = { steps } };

    private static IEnumerable<StatusCode> Codes(ImportStepResults results) => results.Results.Select(r => (StatusCode)r.Code);

    /// <summary>Outcomes over a database of its own, knowing <see cref="ContactId"/> decided, with school-9 among its contributors.</summary>
    private async Task<OutcomesUnderTest> DecidedAsync()
    {
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());
        await outcomes.ContactAsync(ContactId);
        await outcomes.ContributedAsync(ContactId, "school-9");
        return outcomes;
    }

    private static async Task<long> RowsAsync(OutcomesUnderTest outcomes, string sql, params object[] parameters)
    {
        await using var command = outcomes.DataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new() { Value = parameter });
        }
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task An_importers_outcome_and_its_tellings_are_taken_in_order_each_at_its_own_time()
    {
        var outcomes = await DecidedAsync();

        var results = await outcomes.Service.ImportOutcomeSteps(
            Batch(Outcome(ContactId, Decided), Telling(ContactId, "police-west", Decided.AddHours(1)), Telling(ContactId, "school-9", Decided.AddHours(2))), Importer);

        Assert.All(results.Results, r => Assert.Equal((0, "", ""), (r.Code, r.Message, r.RecordId)));
        Assert.Equal(3, results.Results.Count);
        var recorded = Assert.Single(await outcomes.OutboxAsync());
        Assert.Equal(("nfa", At(Decided), OutcomesUnderTest.NowTimestamp), (recorded.Outcome, recorded.OccurredAt, recorded.RecordedAt));
        Assert.Equal(1, await RowsAsync(outcomes, "SELECT count(*) FROM outcomes WHERE contact_id = $1 AND practitioner_id = 'importer-1' AND occurred_at = $2", ContactId, Decided));
        Assert.Equal(
            [("police-west", true, At(Decided.AddHours(1))), ("school-9", false, At(Decided.AddHours(2)))],
            (await outcomes.FeedbackGivenAsync()).Select(e => (e.AgencyId, e.ToReferrer, e.OccurredAt)));
        Assert.Equal(2, await RowsAsync(outcomes, "SELECT count(*) FROM feedback WHERE contact_id = $1 AND given_by = 'importer-1'", ContactId));
    }

    [Fact]
    public async Task Steps_are_taken_in_the_requests_order_so_a_telling_before_its_outcome_is_answered_as_RecordFeedback_answers_it()
    {
        var outcomes = await DecidedAsync();
        await outcomes.ContactAsync(OtherContactId);
        var alone = await Assert.ThrowsAsync<RpcException>(() => outcomes.Service.RecordFeedback(Telling(OtherContactId, "police-west", Decided.AddHours(1)).Feedback, Importer));

        var results = await outcomes.Service.ImportOutcomeSteps(Batch(Telling(ContactId, "police-west", Decided.AddHours(1)), Outcome(ContactId, Decided)), Importer);

        Assert.Equal([alone.StatusCode, StatusCode.OK], Codes(results));
        Assert.Equal(StatusCode.NotFound, alone.StatusCode);
        Assert.Equal(alone.Status.Detail.Replace(OtherContactId, ContactId, StringComparison.Ordinal), results.Results[0].Message);
        Assert.Equal((1L, 0L), (await outcomes.DataSource.CountAsync("outcomes"), await outcomes.DataSource.CountAsync("feedback")));
    }

    [Fact]
    public async Task A_step_for_a_contact_outcomes_has_not_heard_of_is_not_found_and_the_other_steps_are_taken()
    {
        var outcomes = await DecidedAsync();
        var unknown = Guid.NewGuid().ToString();

        var results = await outcomes.Service.ImportOutcomeSteps(Batch(
            Outcome(unknown, Decided),
            Outcome(ContactId, Decided),
            Telling(unknown, "police-west", Decided.AddHours(1)),
            Telling(ContactId, "police-west", Decided.AddHours(1))), Importer);

        Assert.Equal([StatusCode.NotFound, StatusCode.OK, StatusCode.NotFound, StatusCode.OK], Codes(results));
        Assert.Contains(unknown, results.Results[0].Message, StringComparison.Ordinal);
        Assert.Contains(unknown, results.Results[2].Message, StringComparison.Ordinal);
        Assert.Equal(outcomes.CaseRefs.For(ContactId), Assert.Single(await outcomes.OutboxAsync()).CaseRef);
        Assert.Equal(1, await RowsAsync(outcomes, "SELECT count(*) FROM feedback WHERE contact_id = $1", ContactId));
        Assert.Equal(0, await RowsAsync(outcomes, "SELECT count(*) FROM outcomes WHERE contact_id = $1", unknown));
    }

    [Fact]
    public async Task A_step_naming_nothing_or_malformed_is_an_invalid_argument_and_the_other_steps_are_taken()
    {
        var outcomes = await DecidedAsync();

        var results = await outcomes.Service.ImportOutcomeSteps(Batch(new OutcomeStep(), Outcome(ContactId, Decided, outcome: "not-a-code"), Outcome(ContactId, Decided)), Importer);

        Assert.Equal([StatusCode.InvalidArgument, StatusCode.InvalidArgument, StatusCode.OK], Codes(results));
        Assert.StartsWith("step: names no step", results.Results[0].Message, StringComparison.Ordinal);
        Assert.StartsWith("outcome:", results.Results[1].Message, StringComparison.Ordinal);
        Assert.Equal("nfa", Assert.Single(await outcomes.OutboxAsync()).Outcome);
    }

    [Fact]
    public async Task More_than_a_thousand_steps_is_an_invalid_argument_naming_steps_and_nothing_changes()
    {
        var outcomes = await DecidedAsync();
        var steps = Enumerable.Range(0, ImportSteps.MaxPerCall + 1)
            .Select(i => i == 0 ? Outcome(ContactId, Decided) : Telling(ContactId, "police-west", Decided.AddHours(1)))
            .ToArray();

        var refused = await Assert.ThrowsAsync<RpcException>(() => outcomes.Service.ImportOutcomeSteps(Batch(steps), Importer));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal("steps", Assert.Single(Assert.Single(refused.GetRpcStatus()!.Details).Unpack<BadRequest>().FieldViolations).Field);
        Assert.Equal((0L, 0L), (await outcomes.DataSource.CountAsync("outcomes"), await outcomes.DataSource.CountAsync("feedback")));
        Assert.Empty(await outcomes.OutboxAsync());
    }

    [Fact]
    public async Task The_same_batch_sent_again_is_answered_ok_as_before_and_changes_nothing()
    {
        var outcomes = await DecidedAsync();
        var batch = Batch(Outcome(ContactId, Decided), Telling(ContactId, "police-west", Decided.AddHours(1)), Telling(ContactId, "school-9", Decided.AddHours(2)));
        var first = await outcomes.Service.ImportOutcomeSteps(batch, Importer);

        var again = await outcomes.Service.ImportOutcomeSteps(batch, Importer);

        Assert.Equal(first, again);
        Assert.Equal([StatusCode.OK, StatusCode.OK, StatusCode.OK], Codes(again));
        Assert.Equal((1L, 2L), (await outcomes.DataSource.CountAsync("outcomes"), await outcomes.DataSource.CountAsync("feedback")));
        Assert.Single(await outcomes.OutboxAsync());
        Assert.Single(await outcomes.FedBackAsync());
        Assert.Equal(2, (await outcomes.FeedbackGivenAsync()).Count);
    }

    [Theory]
    [InlineData(MashRoles.Practitioner)]
    [InlineData(MashRoles.Manager)]
    [InlineData(MashRoles.BoardMember)]
    public async Task Anyone_but_an_importer_is_permission_denied_over_a_real_port_on_record_and_nothing_changes(string role)
    {
        var outcomes = await DecidedAsync();
        await using var host = await outcomes.StartGrpcAsync();

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await new OutcomesService.OutcomesServiceClient(host.Channel).ImportOutcomeStepsAsync(
            Batch(Outcome(ContactId, Decided), Telling(ContactId, "police-west", Decided.AddHours(1))), TestTokens.Bearer(TestTokens.For("staff-1", role))));

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Equal((0L, 0L), (await outcomes.DataSource.CountAsync("outcomes"), await outcomes.DataSource.CountAsync("feedback")));
        Assert.Empty(await outcomes.OutboxAsync());
        Assert.Equal(1, await RowsAsync(outcomes, "SELECT count(*) FROM audit_log WHERE actor_id = 'staff-1' AND action = $1 AND outcome = 'denied'", ImportMethod));
    }

    [Fact]
    public async Task Over_a_real_port_an_importers_batch_is_taken_as_the_importer()
    {
        var outcomes = await DecidedAsync();
        await using var host = await outcomes.StartGrpcAsync();

        var results = await new OutcomesService.OutcomesServiceClient(host.Channel).ImportOutcomeStepsAsync(
            Batch(Outcome(ContactId, Decided), Telling(ContactId, "police-west", Decided.AddHours(1))), TestTokens.Bearer(TestTokens.For("importer-7", MashRoles.Importer)));

        Assert.Equal([StatusCode.OK, StatusCode.OK], Codes(results));
        Assert.Equal(1, await RowsAsync(outcomes, "SELECT count(*) FROM outcomes WHERE contact_id = $1 AND practitioner_id = 'importer-7'", ContactId));
        Assert.Equal(1, await RowsAsync(outcomes, "SELECT count(*) FROM feedback WHERE contact_id = $1 AND given_by = 'importer-7'", ContactId));
    }
}
