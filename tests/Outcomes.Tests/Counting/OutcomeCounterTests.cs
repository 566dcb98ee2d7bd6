using Mash.Contracts.Common.V1;
using Mash.Outcomes.Counting;
using Mash.Outcomes.Recording;
using Mash.Outcomes.Tests.Infrastructure;

namespace Mash.Outcomes.Tests.Counting;

[Collection(OutcomesDatabaseCollection.Name)]
public sealed class OutcomeCounterTests(OutcomesDatabase database)
{
    private static readonly DateTimeOffset Now = OutcomesUnderTest.Now;

    [Fact]
    public async Task Each_agency_counts_its_outcomes_inappropriate_referrals_gaps_contributions_referrals_received_and_consultations()
    {
        // police-west referred c1 (nfa, corrected to assessment; a child not in education), c2 (advice:
        // inappropriate) and c3 (onward to gp-7); school-9 contributed to c1 and had a consultation in
        // the period and one before it.
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());
        foreach (var contact in new[] { "c1", "c2", "c3" })
        {
            await outcomes.ContactAsync(contact);
        }
        await outcomes.ContributedAsync("c1", "school-9");
        await outcomes.Recorder.RecordAsync("c1", new NewOutcome("nfa", [], ["not-in-education"]), "sw-1", CancellationToken.None);
        await outcomes.Corrector.CorrectAsync("c1", "assessment", "school disclosed", "sw-2", CancellationToken.None);
        await outcomes.Recorder.RecordAsync("c2", "advice", "sw-1", CancellationToken.None);
        await outcomes.Recorder.RecordAsync("c3", new NewOutcome("onward-referral", ["gp-7"], []), "sw-1", CancellationToken.None);
        await outcomes.Consultations.RecordAsync(null, "school-9", "social-work", "sw-1", Now, CancellationToken.None);
        await outcomes.Consultations.RecordAsync(null, "school-9", "social-work", "sw-1", Now.AddDays(-3), CancellationToken.None);

        var tallies = await outcomes.OutcomeCounts.CountAsync(Now.AddDays(-1), Now.AddDays(1), InappropriateReferrals.Codes(DefaultVocabulary.Load()), CancellationToken.None);

        Assert.Equal(["gp-7", "police-west", "school-9"], tallies.Select(t => t.AgencyId));
        var (gp, police, school) = (tallies[0], tallies[1], tallies[2]);
        Assert.Equal(new Dictionary<string, long> { ["assessment"] = 1, ["advice"] = 1, ["onward-referral"] = 1 }, police.Outcomes);
        Assert.Equal(1, police.Inappropriate);
        Assert.Equal(new Dictionary<string, long> { ["not-in-education"] = 1 }, police.Gaps);
        Assert.Equal((1L, 0L), (school.Contributed, school.Received));
        Assert.Equal(new Dictionary<string, long> { ["social-work"] = 1 }, school.Consultations);
        Assert.Equal((0L, 1L), (gp.Contributed, gp.Received));
    }

    [Fact]
    public async Task Contacts_count_in_the_period_their_outcome_was_first_recorded()
    {
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());
        await outcomes.ContactAsync("c1");
        await outcomes.Recorder.RecordAsync("c1", "advice", "sw-1", CancellationToken.None);

        Assert.Empty(await outcomes.OutcomeCounts.CountAsync(Now.AddSeconds(1), Now.AddDays(1), [], CancellationToken.None));
        Assert.Single(await outcomes.OutcomeCounts.CountAsync(Now, Now.AddSeconds(1), [], CancellationToken.None));
    }
}
