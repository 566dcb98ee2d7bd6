using Mash.Outcomes.Feedback;
using Mash.Outcomes.Tests.Infrastructure;

namespace Mash.Outcomes.Tests.Feedback;

[Collection(OutcomesDatabaseCollection.Name)]
public sealed class FeedbackRecorderTests(OutcomesDatabase database)
{
    private static readonly DateTimeOffset Now = OutcomesUnderTest.Now;

    /// <summary>contact-one: referred by police-west, school-9 contributed, outcome recorded at Now.</summary>
    private async Task<OutcomesUnderTest> OutcomeAsync()
    {
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());
        await outcomes.ContactAsync("contact-one");
        await outcomes.ContributedAsync("contact-one", "school-9");
        await outcomes.Recorder.RecordAsync("contact-one", "early-help", "sw-1", CancellationToken.None);
        return outcomes;
    }

    [Fact]
    public async Task Telling_the_referrer_is_recorded_announced_and_leaves_the_contributor_owed()
    {
        var outcomes = await OutcomeAsync();

        var result = await outcomes.Feedback(Now.AddHours(3)).RecordAsync("contact-one", "police-west", "sw-2", Now.AddHours(3), CancellationToken.None);

        var told = Assert.IsType<RecordFeedbackResult.Told>(result);
        Assert.Equal((outcomes.CaseRefs.For("contact-one"), Now.AddHours(3)), (told.CaseRef, told.ToldAt));
        Assert.Equal(["school-9"], told.NotYetTold);
        var given = Assert.Single(await outcomes.FeedbackGivenAsync());
        Assert.Equal((outcomes.CaseRefs.For("contact-one"), "police-west", true, "early-help"), (given.CaseRef, given.AgencyId, given.ToReferrer, given.Outcome));
        Assert.Equal((Now, Now.AddHours(3)), (given.OutcomeAt.ToDateTimeOffset(), given.OccurredAt.ToDateTimeOffset()));
        Assert.DoesNotContain("contact-one", given.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contributor_is_told_as_a_contributor_not_the_referrer()
    {
        var outcomes = await OutcomeAsync();

        await outcomes.Feedback().RecordAsync("contact-one", "school-9", "sw-2", Now, CancellationToken.None);

        Assert.False(Assert.Single(await outcomes.FeedbackGivenAsync()).ToReferrer);
    }

    [Fact]
    public async Task Telling_an_agency_again_keeps_the_first_telling_and_announces_nothing_more()
    {
        var outcomes = await OutcomeAsync();
        await outcomes.Feedback().RecordAsync("contact-one", "police-west", "sw-2", Now, CancellationToken.None);

        var again = await outcomes.Feedback(Now.AddHours(1)).RecordAsync("contact-one", "police-west", "sw-3", Now.AddHours(1), CancellationToken.None);

        Assert.Equal(Now, Assert.IsType<RecordFeedbackResult.Told>(again).ToldAt);
        Assert.Single(await outcomes.FeedbackGivenAsync());
    }

    [Fact]
    public async Task An_agency_not_owed_the_outcome_is_refused_and_nothing_changes()
    {
        var outcomes = await OutcomeAsync();

        Assert.IsType<RecordFeedbackResult.NotOwed>(await outcomes.Feedback().RecordAsync("contact-one", "housing-1", "sw-2", Now, CancellationToken.None));

        Assert.Empty(await outcomes.FeedbackGivenAsync());
        Assert.Equal(0, await outcomes.DataSource.CountAsync("feedback"));
    }

    [Fact]
    public async Task A_telling_before_the_outcome_is_refused()
    {
        var outcomes = await OutcomeAsync();

        Assert.IsType<RecordFeedbackResult.BadTime>(await outcomes.Feedback().RecordAsync("contact-one", "police-west", "importer-1", Now.AddMinutes(-1), CancellationToken.None));
        Assert.Equal(0, await outcomes.DataSource.CountAsync("feedback"));
    }

    [Fact]
    public async Task A_contact_without_an_outcome_has_nothing_to_tell()
    {
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());
        await outcomes.ContactAsync("contact-one");

        Assert.IsType<RecordFeedbackResult.NoOutcome>(await outcomes.Feedback().RecordAsync("contact-one", "police-west", "sw-2", Now, CancellationToken.None));
    }
}
