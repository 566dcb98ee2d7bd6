using Mash.Outcomes.Feedback;
using Mash.Outcomes.Tests.Infrastructure;

namespace Mash.Outcomes.Tests.Feedback;

[Collection(OutcomesDatabaseCollection.Name)]
public sealed class FeedbackCounterTests(OutcomesDatabase database)
{
    private static readonly DateTimeOffset Now = OutcomesUnderTest.Now;

    [Fact]
    public async Task Each_agency_owed_an_outcome_in_the_period_counts_told_not_told_and_the_time_it_took()
    {
        // c1 and c2 referred by police-west; school-9 contributed to c1. Police told of c1 after 2 h
        // and of c2 after 4 h; school-9 never told. Police: 2 of 2, average 3 h; school: 0 of 1.
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());
        foreach (var contact in new[] { "c1", "c2" })
        {
            await outcomes.ContactAsync(contact);
            await outcomes.Recorder.RecordAsync(contact, "advice", "sw-1", CancellationToken.None);
        }
        await outcomes.ContributedAsync("c1", "school-9");
        await outcomes.Feedback().RecordAsync("c1", "police-west", "sw-1", Now.AddHours(2), CancellationToken.None);
        await outcomes.Feedback().RecordAsync("c2", "police-west", "sw-1", Now.AddHours(4), CancellationToken.None);

        var tallies = await outcomes.FeedbackCounts.CountAsync(Now.AddDays(-1), Now.AddDays(1), CancellationToken.None);

        Assert.Equal([new FeedbackTally("police-west", 2, 2, 6 * 3600, 4 * 3600), new FeedbackTally("school-9", 1, 0, 0, 0)], tallies);
    }

    [Fact]
    public async Task Outcomes_first_recorded_outside_the_period_are_not_counted()
    {
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());
        await outcomes.ContactAsync("c1");
        await outcomes.Recorder.RecordAsync("c1", "advice", "sw-1", CancellationToken.None);

        Assert.Empty(await outcomes.FeedbackCounts.CountAsync(Now.AddSeconds(1), Now.AddDays(1), CancellationToken.None));
        Assert.Single(await outcomes.FeedbackCounts.CountAsync(Now, Now.AddSeconds(1), CancellationToken.None));
    }
}
