using Mash.Contracts.Events.V1;
using Mash.Outcomes.Feed;
using Mash.Outcomes.Tests.Infrastructure;
using Mash.ServiceDefaults;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mash.Outcomes.Tests.Feed;

/// <summary>
/// Recordings leave their feed items unnumbered; the numbering gives each the next number once, in
/// the order recorded, and only then sends its event carrying that number.
/// </summary>
[Collection(OutcomesDatabaseCollection.Name)]
public sealed class FeedNumberingTests(OutcomesDatabase database)
{
    private async Task<OutcomesUnderTest> RecordedAsync(int contacts)
    {
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());
        for (var i = 1; i <= contacts; i++)
        {
            await outcomes.ContactAsync($"contact-{i}");
            await outcomes.Recorder.RecordAsync($"contact-{i}", "assessment", "sw-1", CancellationToken.None);
        }
        return outcomes;
    }

    [Fact]
    public async Task A_recorded_outcome_is_neither_on_the_feed_nor_sent_until_it_is_numbered()
    {
        var outcomes = await RecordedAsync(1);

        Assert.Empty(await outcomes.FeedLog.ReadAsync(0, 10, CancellationToken.None));
        Assert.Equal(0, await CountAsync(outcomes, "SELECT count(*) FROM outbox_messages WHERE message_type LIKE 'Mash.Contracts.Events.V1.OutcomeRecorded,%'"));
        Assert.Single(await outcomes.FedBackAsync());
    }

    [Fact]
    public async Task Numbering_gives_each_outcome_the_next_number_in_the_order_recorded_on_the_feed_and_on_the_bus()
    {
        var outcomes = await RecordedAsync(3);

        Assert.Equal(3, await outcomes.Numbering.NumberAsync(CancellationToken.None));

        var expected = new[] { (1L, outcomes.CaseRefs.For("contact-1")), (2L, outcomes.CaseRefs.For("contact-2")), (3L, outcomes.CaseRefs.For("contact-3")) };
        Assert.Equal(expected, (await outcomes.FeedLog.ReadAsync(0, 10, CancellationToken.None)).Select(o => (o.FeedSequence, o.CaseRef)));
        Assert.Equal(expected, (await outcomes.OutboxAsync()).Select(o => (o.FeedSequence, o.CaseRef)));
        Assert.Equal(0, await CountAsync(outcomes, "SELECT count(*) FROM outcome_feed_unnumbered"));
    }

    [Fact]
    public async Task Numbering_again_numbers_nothing_twice()
    {
        var outcomes = await RecordedAsync(2);
        await outcomes.Numbering.NumberAsync(CancellationToken.None);

        Assert.Equal(0, await outcomes.Numbering.NumberAsync(CancellationToken.None));
        Assert.Equal([1L, 2L], (await outcomes.OutboxAsync()).Select(o => o.FeedSequence));
    }

    [Fact]
    public async Task Numberings_at_once_in_several_replicas_give_each_outcome_one_number_and_leave_no_gap()
    {
        var outcomes = await RecordedAsync(10);
        var recording = Task.WhenAll(Enumerable.Range(100, 40).Select(async i =>
        {
            await outcomes.ContactAsync($"contact-{i}");
            await outcomes.Recorder.RecordAsync($"contact-{i}", "assessment", "sw-1", CancellationToken.None);
        }));

        var numbering = Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            while (!recording.IsCompleted)
            {
                await new FeedNumbering(outcomes.DataSource, new EventOutbox()).NumberAsync(CancellationToken.None);
            }
        }));
        await recording;
        await numbering;
        await outcomes.NumberFeedAsync();

        var feed = await outcomes.FeedLog.ReadAsync(0, 100, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), feed.Select(o => o.FeedSequence));
        Assert.Equal(50, feed.Select(o => o.CaseRef).Distinct().Count());
        Assert.Equal(feed.Select(o => (o.FeedSequence, o.CaseRef)), (await outcomes.OutboxAsync()).Select(o => (o.FeedSequence, o.CaseRef)));
    }

    [Fact]
    public async Task A_recording_wakes_the_numberer()
    {
        var numbering = new OutcomesUnderTest(await database.CreateDatabaseAsync()).Numbering;

        numbering.Added();

        Assert.True(await numbering.WaitAsync(TimeSpan.FromMinutes(1), CancellationToken.None));
    }

    [Fact]
    public async Task The_numberer_numbers_what_is_recorded_while_it_runs()
    {
        var outcomes = await RecordedAsync(0);
        using var numberer = new FeedNumberer(outcomes.Numbering, NullLogger<FeedNumberer>.Instance);
        await numberer.StartAsync(CancellationToken.None);
        await outcomes.ContactAsync("contact-1");

        await outcomes.Recorder.RecordAsync("contact-1", "assessment", "sw-1", CancellationToken.None);

        var feed = await outcomes.FeedLog.ReadAsync(0, 10, CancellationToken.None);
        for (var tries = 0; feed.Count == 0 && tries < 600; tries++)
        {
            await Task.Delay(100);
            feed = await outcomes.FeedLog.ReadAsync(0, 10, CancellationToken.None);
        }
        Assert.Equal(1L, Assert.Single(feed).FeedSequence);
        await numberer.StopAsync(CancellationToken.None);
    }

    private static async Task<long> CountAsync(OutcomesUnderTest outcomes, string sql)
    {
        await using var command = outcomes.DataSource.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
