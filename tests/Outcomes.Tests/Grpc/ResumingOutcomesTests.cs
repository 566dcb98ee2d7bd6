using Google.Rpc;
using Grpc.Core;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Outcomes.V1;
using Mash.Outcomes.Tests.Infrastructure;
using Mash.ServiceDefaults;

namespace Mash.Outcomes.Tests.Grpc;

/// <summary>The board's stream resumes from where it left off: the feed since its position, then live, nothing skipped or repeated.</summary>
[Collection(OutcomesDatabaseCollection.Name)]
public sealed class ResumingOutcomesTests(OutcomesDatabase database)
{
    private static readonly string[] Board = [MashRoles.BoardMember];

    /// <summary>Outcomes for contacts c1…cN, numbered 1…N in the feed.</summary>
    private static async Task<OutcomesUnderTest> RecordedAsync(OutcomesDatabase database, int count)
    {
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());
        for (var i = 1; i <= count; i++)
        {
            await RecordAsync(outcomes, $"c{i}");
        }
        return outcomes;
    }

    /// <summary>Recorded and numbered, as the numberer does at once.</summary>
    private static async Task RecordAsync(OutcomesUnderTest outcomes, string contactId)
    {
        await outcomes.ContactAsync(contactId);
        await outcomes.Recorder.RecordAsync(contactId, "advice", "sw-1", CancellationToken.None);
        await outcomes.NumberFeedAsync();
    }

    /// <summary>What the bus would bring this replica: the outbox's outcome with that sequence.</summary>
    private static async Task HearAsync(OutcomesUnderTest outcomes, long sequence) =>
        outcomes.Broadcaster.Publish((await outcomes.OutboxAsync()).Single(o => o.FeedSequence == sequence));

    [Fact]
    public async Task Each_outcome_is_numbered_in_the_feed_and_carries_its_number_on_the_bus()
    {
        var outcomes = await RecordedAsync(database, 3);

        Assert.Equal([1L, 2L, 3L], (await outcomes.OutboxAsync()).Select(o => o.FeedSequence));
        Assert.Equal(3, await outcomes.DataSource.CountAsync("outcome_feed"));
    }

    [Fact]
    public async Task A_resumed_stream_replays_what_it_missed_then_goes_on_live_skipping_what_it_had()
    {
        var outcomes = await RecordedAsync(database, 3);
        var writer = new TestStreamWriter<OutcomeRecorded>();
        using var client = new CancellationTokenSource();
        var call = outcomes.Service.SubscribeOutcomes(new SubscribeOutcomesRequest { AfterSequence = 1 }, writer, TestCallContext.ByStaff("board-1", Board, client.Token));
        await writer.WritesAsync(2);

        await HearAsync(outcomes, 3);
        await RecordAsync(outcomes, "c4");
        await HearAsync(outcomes, 4);
        await writer.WritesAsync(1);
        await client.CancelAsync();
        await call;

        Assert.Equal([2L, 3L, 4L], writer.Written.Select(o => o.FeedSequence));
        Assert.Equal([outcomes.CaseRefs.For("c2"), outcomes.CaseRefs.For("c3"), outcomes.CaseRefs.For("c4")], writer.Written.Select(o => o.CaseRef));
    }

    [Fact]
    public async Task An_outcome_heard_beyond_a_gap_fills_the_gap_from_the_feed()
    {
        var outcomes = await RecordedAsync(database, 1);
        var writer = new TestStreamWriter<OutcomeRecorded>();
        using var client = new CancellationTokenSource();
        var call = outcomes.Service.SubscribeOutcomes(new SubscribeOutcomesRequest { AfterSequence = 0 }, writer, TestCallContext.ByStaff("board-1", Board, client.Token));
        await writer.WritesAsync(1);

        await RecordAsync(outcomes, "c2");
        await RecordAsync(outcomes, "c3");
        await HearAsync(outcomes, 3);
        await writer.WritesAsync(2);
        await HearAsync(outcomes, 2);
        await RecordAsync(outcomes, "c4");
        await HearAsync(outcomes, 4);
        await writer.WritesAsync(1);
        await client.CancelAsync();
        await call;

        Assert.Equal([1L, 2L, 3L, 4L], writer.Written.Select(o => o.FeedSequence));
    }

    [Fact]
    public async Task A_stream_from_now_on_replays_nothing_and_skips_what_was_recorded_before_it()
    {
        var outcomes = await RecordedAsync(database, 2);
        var writer = new TestStreamWriter<OutcomeRecorded>();
        using var client = new CancellationTokenSource();
        var call = outcomes.Service.SubscribeOutcomes(new SubscribeOutcomesRequest(), writer, TestCallContext.ByStaff("board-1", Board, client.Token));

        // Heard late, from before the stream opened; then the next outcome, whenever the stream takes its position.
        await HearAsync(outcomes, 1);
        await HearAsync(outcomes, 2);
        outcomes.Broadcaster.Publish(new OutcomeRecorded { CaseRef = "ref-3", FeedSequence = 3 });
        await writer.WritesAsync(1);
        await client.CancelAsync();
        await call;

        Assert.Equal(["ref-3"], writer.Written.Select(o => o.CaseRef));
    }

    [Fact]
    public async Task A_negative_position_is_invalid_argument_naming_after_sequence()
    {
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            outcomes.Service.SubscribeOutcomes(new SubscribeOutcomesRequest { AfterSequence = -1 }, new TestStreamWriter<OutcomeRecorded>(), TestCallContext.ByStaff("board-1", Board)));

        Assert.Equal(["after_sequence"], error.GetRpcStatus()!.Details.Single().Unpack<BadRequest>().FieldViolations.Select(v => v.Field));
    }
}
