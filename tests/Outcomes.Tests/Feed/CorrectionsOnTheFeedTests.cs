using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Outcomes.V1;
using Mash.Outcomes.Consumers;
using Mash.Outcomes.Journeys;
using Mash.Outcomes.Recording;
using Mash.Outcomes.Tests.Infrastructure;
using Mash.ServiceDefaults;
using Mash.Testing.Messaging;

namespace Mash.Outcomes.Tests.Feed;

/// <summary>
/// A correction reaches the board's pseudonymous stream as the case's outcome again, whole, numbered
/// in the feed like any outcome: a resumed stream replays it, a live one hears it.
/// </summary>
[Collection(OutcomesDatabaseCollection.Name)]
public sealed class CorrectionsOnTheFeedTests(OutcomesDatabase database)
{
    private static readonly string[] Board = [MashRoles.BoardMember];

    private async Task<OutcomesUnderTest> CorrectedAsync()
    {
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());
        await outcomes.ContactAsync("contact-one", Rag.Amber);
        await outcomes.ContributedAsync("contact-one", "health-east");
        await outcomes.Recorder.RecordAsync("contact-one", new NewOutcome("onward-referral", ["gp-7"], ["not-registered-with-gp"]), "sw-1", CancellationToken.None);
        await outcomes.Corrector.CorrectAsync("contact-one", "assessment", "late police disclosure", "sw-2", CancellationToken.None);
        await outcomes.NumberFeedAsync();
        return outcomes;
    }

    [Fact]
    public async Task A_correction_is_the_next_item_of_the_feed_the_whole_outcome_of_its_revision_and_names_no_one()
    {
        var outcomes = await CorrectedAsync();

        var items = await outcomes.FeedLog.ReadAsync(0, 10, CancellationToken.None);

        Assert.Equal([(1L, "onward-referral", 1, ""), (2L, "assessment", 2, "onward-referral")],
            items.Select(i => (i.FeedSequence, i.Outcome, i.Revision, i.PreviousOutcome)));
        var correction = items[1];
        Assert.Equal((outcomes.CaseRefs.For("contact-one"), Rag.Amber), (correction.CaseRef, correction.InitialRag));
        Assert.Equal(["health-east"], correction.ContributingAgencyIds);
        Assert.Equal(["gp-7"], correction.OnwardAgencyIds);
        Assert.Equal(["not-registered-with-gp"], correction.Gaps);
        Assert.DoesNotContain("contact-one", correction.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("disclosure", correction.ToString(), StringComparison.Ordinal);
        Assert.Equal(2L, Assert.Single(await outcomes.CorrectionsAsync()).FeedSequence);
    }

    [Fact]
    public async Task A_stream_resumed_after_the_outcome_replays_its_correction()
    {
        var outcomes = await CorrectedAsync();
        var writer = new TestStreamWriter<OutcomeRecorded>();
        using var client = new CancellationTokenSource();
        var call = outcomes.Service.SubscribeOutcomes(new SubscribeOutcomesRequest { AfterSequence = 1 }, writer, TestCallContext.ByStaff("board-1", Board, client.Token));

        await writer.WritesAsync(1);
        await client.CancelAsync();
        await call;

        Assert.Equal([(2L, "assessment", 2)], writer.Written.Select(o => (o.FeedSequence, o.Outcome, o.Revision)));
    }

    [Fact]
    public async Task A_live_stream_hears_the_correction_from_the_feed_when_its_event_arrives()
    {
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());
        await outcomes.ContactAsync("contact-one", Rag.Amber);
        await outcomes.Recorder.RecordAsync("contact-one", "nfa", "sw-1", CancellationToken.None);
        var writer = new TestStreamWriter<OutcomeRecorded>();
        using var client = new CancellationTokenSource();
        var call = outcomes.Service.SubscribeOutcomes(new SubscribeOutcomesRequest { AfterSequence = 1 }, writer, TestCallContext.ByStaff("board-1", Board, client.Token));

        await outcomes.Corrector.CorrectAsync("contact-one", "assessment", "late police disclosure", "sw-2", CancellationToken.None);
        await new OutcomeCorrectionFeedConsumer(outcomes.Broadcaster, outcomes.FeedLog).Consume(DeliveredBatch.Of(Assert.Single(await outcomes.CorrectionsAsync())));
        await writer.WritesAsync(1);
        await client.CancelAsync();
        await call;

        Assert.Equal([(2L, "assessment", "nfa")], writer.Written.Select(o => (o.FeedSequence, o.Outcome, o.PreviousOutcome)));
    }

    [Fact]
    public async Task Outcomes_and_corrections_carry_when_the_contact_was_received()
    {
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());
        var receivedAt = OutcomesUnderTest.Now.UtcDateTime.AddDays(-3);
        await outcomes.ContactAsync("contact-one");
        await outcomes.DataSource.InTransactionAsync(t => outcomes.Journeys.RecordReceivedAsync(
            t, [new JourneyReceipt("contact-one", "police-west", "6", false, false, receivedAt)], CancellationToken.None));

        await outcomes.Recorder.RecordAsync("contact-one", "nfa", "sw-1", CancellationToken.None);
        await outcomes.Corrector.CorrectAsync("contact-one", "assessment", "late police disclosure", "sw-2", CancellationToken.None);

        Assert.Equal(receivedAt, Assert.Single(await outcomes.OutboxAsync()).ContactReceivedAt.ToDateTime());
        Assert.Equal(receivedAt, Assert.Single(await outcomes.CorrectionsAsync()).ContactReceivedAt.ToDateTime());
    }
}
