using Mash.Contracts.Common.V1;
using Mash.Outcomes.Recording;
using Mash.Outcomes.Tests.Infrastructure;

namespace Mash.Outcomes.Tests.Recording;

[Collection(OutcomesDatabaseCollection.Name)]
public sealed class OutcomeRecorderTests(OutcomesDatabase database)
{
    private async Task<OutcomesUnderTest> OutcomesAsync() => new(await database.CreateDatabaseAsync());

    [Fact]
    public async Task An_outcome_is_stored_and_announced_in_one_go()
    {
        var outcomes = await OutcomesAsync();
        await outcomes.ContactAsync("c1", Rag.Amber);

        var result = await outcomes.Recorder.RecordAsync("c1", "early-help", "sw-1", CancellationToken.None);

        var recorded = Assert.IsType<RecordOutcomeResult.Recorded>(result);
        Assert.Equal(outcomes.CaseRefs.For("c1"), recorded.CaseRef);
        var announced = Assert.Single(await outcomes.OutboxAsync());
        Assert.Equal((recorded.CaseRef, "early-help", Rag.Amber), (announced.CaseRef, announced.Outcome, announced.FinalRag));
        Assert.Equal(OutcomesUnderTest.NowTimestamp, announced.OccurredAt);
        Assert.Equal(1, await outcomes.DataSource.CountAsync("outcomes"));
    }

    [Fact]
    public async Task An_outcome_is_fed_back_to_Intake_by_contact_id_in_the_same_transaction()
    {
        const string ContactId = "contact-fed-back-1";
        var outcomes = await OutcomesAsync();
        await outcomes.ContactAsync(ContactId, Rag.Amber);

        await outcomes.Recorder.RecordAsync(ContactId, "early-help", "sw-1", CancellationToken.None);

        var fedBack = Assert.Single(await outcomes.FedBackAsync());
        Assert.Equal((ContactId, "early-help"), (fedBack.ContactId, fedBack.Outcome));
        Assert.NotEmpty(fedBack.EventId);
        Assert.Equal(OutcomesUnderTest.NowTimestamp, fedBack.OccurredAt);
        // The board-facing event still carries no contact id.
        Assert.DoesNotContain(ContactId, Assert.Single(await outcomes.OutboxAsync()).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_outcome_feeds_nothing_back()
    {
        var outcomes = await OutcomesAsync();
        await outcomes.ContactAsync("c1", decided: false);
        await outcomes.Recorder.RecordAsync("c1", "nfa", "sw-1", CancellationToken.None);
        Assert.Empty(await outcomes.FedBackAsync());
    }

    [Fact]
    public async Task An_unknown_contact_is_reported_and_nothing_is_stored()
    {
        var outcomes = await OutcomesAsync();
        Assert.IsType<RecordOutcomeResult.UnknownContact>(await outcomes.Recorder.RecordAsync("nobody", "nfa", "sw-1", CancellationToken.None));
        Assert.Empty(await outcomes.OutboxAsync());
    }

    [Fact]
    public async Task An_undecided_contact_is_refused_and_nothing_is_stored()
    {
        var outcomes = await OutcomesAsync();
        await outcomes.ContactAsync("c1", decided: false);
        Assert.IsType<RecordOutcomeResult.Refused>(await outcomes.Recorder.RecordAsync("c1", "nfa", "sw-1", CancellationToken.None));
        Assert.Empty(await outcomes.OutboxAsync());
        Assert.Equal(0, await outcomes.DataSource.CountAsync("outcomes"));
    }

    [Fact]
    public async Task Recording_the_same_outcome_again_answers_the_same_and_announces_nothing_more()
    {
        var outcomes = await OutcomesAsync();
        await outcomes.ContactAsync("c1");
        var first = await outcomes.Recorder.RecordAsync("c1", "advice", "sw-1", CancellationToken.None);
        var second = await outcomes.Recorder.RecordAsync("c1", "advice", "sw-2", CancellationToken.None);
        Assert.Equal(first, second);
        Assert.Single(await outcomes.OutboxAsync());
    }

    [Fact]
    public async Task A_different_outcome_for_a_recorded_contact_is_refused_and_the_first_stands()
    {
        var outcomes = await OutcomesAsync();
        await outcomes.ContactAsync("c1");
        await outcomes.Recorder.RecordAsync("c1", "advice", "sw-1", CancellationToken.None);
        Assert.IsType<RecordOutcomeResult.Refused>(await outcomes.Recorder.RecordAsync("c1", "nfa", "sw-1", CancellationToken.None));
        Assert.Equal("advice", Assert.Single(await outcomes.OutboxAsync()).Outcome);
    }

    [Fact]
    public async Task The_outcome_names_the_agencies_that_contributed_those_it_goes_on_to_and_the_gaps_found()
    {
        var outcomes = await OutcomesAsync();
        await outcomes.ContactAsync("c1", Rag.Amber);
        await outcomes.ContributedAsync("c1", "school-9");
        await outcomes.ContributedAsync("c1", "health-east");

        await outcomes.Recorder.RecordAsync("c1", new NewOutcome("onward-referral", ["gp-7", "camhs-1"], ["not-registered-with-gp"]), "sw-1", CancellationToken.None);

        var announced = Assert.Single(await outcomes.OutboxAsync());
        Assert.Equal(["health-east", "school-9"], announced.ContributingAgencyIds);
        Assert.Equal(["gp-7", "camhs-1"], announced.OnwardAgencyIds);
        Assert.Equal(["not-registered-with-gp"], announced.Gaps);
        Assert.Equal(2, await outcomes.DataSource.CountAsync("onward_referrals"));
        Assert.Equal(1, await outcomes.DataSource.CountAsync("outcome_gaps"));
    }
}
