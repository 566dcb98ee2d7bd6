using Grpc.Core;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Outcomes.V1;
using Mash.Outcomes.Tests.Infrastructure;
using Mash.ServiceDefaults;

namespace Mash.Outcomes.Tests.Steps;

/// <summary>
/// ImportOutcomeSteps takes a call's steps set-based; these prove that a call of many contacts answers and stores
/// what the same steps taken one by one through RecordOutcome and RecordFeedback answer and store in a twin Outcomes.
/// </summary>
[Collection(OutcomesDatabaseCollection.Name)]
public sealed class ManyContactsImportTests(OutcomesDatabase database)
{
    private static TestCallContext Importer => TestCallContext.ByStaff("importer-1", [MashRoles.Importer]);

    private async Task<OutcomesUnderTest> SetUpAsync()
    {
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());
        await ManyContactsCall.SetUpAsync(outcomes);
        return outcomes;
    }

    /// <summary>The step through its own RPC, answered as a call's step is.</summary>
    private static async Task<ImportStepResult> AloneAsync(OutcomesUnderTest outcomes, OutcomeStep step)
    {
        try
        {
            _ = step.Outcome is { } outcome
                ? await outcomes.Service.RecordOutcome(outcome, Importer) as object
                : await outcomes.Service.RecordFeedback(step.Feedback, Importer);
            return new ImportStepResult();
        }
        catch (RpcException refused)
        {
            return new ImportStepResult { Code = (int)refused.StatusCode, Message = refused.Status.Detail };
        }
    }

    private static async Task<List<ImportStepResult>> OneByOneAsync(OutcomesUnderTest outcomes, ImportOutcomeStepsRequest call)
    {
        var results = new List<ImportStepResult>();
        foreach (var step in call.Steps)
        {
            results.Add(await AloneAsync(outcomes, step));
        }
        return results;
    }

    [Fact]
    public async Task A_call_of_many_contacts_answers_and_stores_as_its_steps_one_by_one_do_in_a_twin_outcomes_sent_once_and_again()
    {
        var (batched, single) = (await SetUpAsync(), await SetUpAsync());
        var call = ManyContactsCall.Steps();

        foreach (var _ in new[] { "sent", "sent again" })
        {
            var results = await batched.Service.ImportOutcomeSteps(call, Importer);

            Assert.Equal(await OneByOneAsync(single, call), results.Results);
            Assert.Equal(await OutcomesStory.OfAsync(single), await OutcomesStory.OfAsync(batched));
        }
    }

    [Fact]
    public async Task The_many_contacts_call_holds_every_kind_of_answer_so_the_twin_comparison_means_something()
    {
        var outcomes = await SetUpAsync();

        var results = (await outcomes.Service.ImportOutcomeSteps(ManyContactsCall.Steps(), Importer)).Results;

        // 4: not a code; 7, 17, …: unknown; 3, 13, …: undecided; 5, 15, …: a different outcome than recorded; 8: told before its outcome.
        Assert.Equal(
            [StatusCode.OK, StatusCode.InvalidArgument, StatusCode.NotFound, StatusCode.FailedPrecondition],
            results.Select(r => (StatusCode)r.Code).Distinct().Order());
        Assert.Equal(
            [StatusCode.FailedPrecondition, StatusCode.InvalidArgument, StatusCode.FailedPrecondition, StatusCode.OK, StatusCode.NotFound, StatusCode.NotFound],
            results.Skip(3).Take(6).Select(r => (StatusCode)r.Code));
        Assert.Contains("has no threshold decision yet", results[3].Message, StringComparison.Ordinal);
        Assert.Contains("already recorded as 'nfa'", results[5].Message, StringComparison.Ordinal);
        Assert.Contains("has no outcome recorded to tell", results[8].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_call_sent_again_changes_nothing_and_is_answered_as_before()
    {
        var outcomes = await SetUpAsync();
        var call = ManyContactsCall.Steps(tellingFirst: false);
        var first = await outcomes.Service.ImportOutcomeSteps(call, Importer);
        var story = await OutcomesStory.OfAsync(outcomes);

        var again = await outcomes.Service.ImportOutcomeSteps(call, Importer);

        Assert.Equal(first, again);
        Assert.Equal(story, await OutcomesStory.OfAsync(outcomes));
    }

    [Fact]
    public async Task The_outbox_and_the_feed_hold_one_event_and_one_item_for_each_outcome_and_telling_recorded()
    {
        var outcomes = await SetUpAsync();

        await outcomes.Service.ImportOutcomeSteps(ManyContactsCall.Steps(), Importer);

        var recorded = await outcomes.DataSource.CountAsync("outcomes");
        Assert.Equal(39, recorded);
        Assert.Equal(recorded, (await outcomes.OutboxAsync()).Select(e => e.CaseRef).Distinct().Count());
        Assert.Equal(recorded, (await outcomes.OutboxAsync()).Count);
        Assert.Equal(recorded, (await outcomes.FedBackAsync()).Select(e => e.ContactId).Distinct().Count());
        Assert.Equal(recorded, (await outcomes.FedBackAsync()).Count);
        Assert.Equal(recorded, await outcomes.DataSource.CountAsync("outcome_feed"));
        Assert.Equal(0, await outcomes.DataSource.CountAsync("outcome_feed_unnumbered"));
        var told = await outcomes.DataSource.CountAsync("feedback");
        Assert.True(told > 5, $"only {told} tellings recorded");
        Assert.Equal(told, (await outcomes.FeedbackGivenAsync()).Select(e => (e.CaseRef, e.AgencyId)).Distinct().Count());
        Assert.Equal(told, (await outcomes.FeedbackGivenAsync()).Count);
    }

    [Fact]
    public async Task Two_calls_over_the_same_contacts_in_opposite_orders_at_once_wait_for_each_other_rather_than_deadlock()
    {
        var outcomes = await SetUpAsync();
        var call = ManyContactsCall.Steps(tellingFirst: false);
        var reversed = new ImportOutcomeStepsRequest { Steps = { call.Steps.Reverse() } };

        var both = await Task.WhenAll(Enumerable.Range(0, 4).Select(n => Task.Run(() => outcomes.Service.ImportOutcomeSteps(n % 2 == 0 ? call : reversed, Importer))));

        Assert.All(both, results => Assert.Equal(call.Steps.Count, results.Results.Count));
        Assert.Equal(39, await outcomes.DataSource.CountAsync("outcomes"));
        Assert.Equal(39, (await outcomes.FedBackAsync()).Count);
    }
}
