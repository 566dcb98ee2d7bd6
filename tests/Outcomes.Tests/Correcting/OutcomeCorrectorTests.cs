using Mash.Contracts.Common.V1;
using Mash.Outcomes.Correcting;
using Mash.Outcomes.Tests.Infrastructure;

namespace Mash.Outcomes.Tests.Correcting;

[Collection(OutcomesDatabaseCollection.Name)]
public sealed class OutcomeCorrectorTests(OutcomesDatabase database)
{
    private async Task<OutcomesUnderTest> RecordedAsync(string contactId, string outcome = "nfa")
    {
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());
        await outcomes.ContactAsync(contactId, Rag.Amber);
        await outcomes.Recorder.RecordAsync(contactId, outcome, "sw-1", CancellationToken.None);
        return outcomes;
    }

    [Fact]
    public async Task A_correction_is_the_next_revision_keeping_the_first()
    {
        var outcomes = await RecordedAsync("contact-one");

        var result = await outcomes.Corrector.CorrectAsync("contact-one", "assessment", "late police disclosure", "sw-2", CancellationToken.None);

        Assert.Equal(new CorrectOutcomeResult.Corrected(outcomes.CaseRefs.For("contact-one"), 2), result);
        var history = (await outcomes.Histories.ReadAsync("contact-one", CancellationToken.None))!.Value;
        Assert.Equal(
            [(1, "nfa", "", "sw-1", ""), (2, "assessment", "nfa", "sw-2", "late police disclosure")],
            history.Revisions.Select(r => (r.Number, r.Outcome, r.PreviousOutcome, r.PractitionerId, r.Reason)));
        Assert.All(history.Revisions, r => Assert.Equal(OutcomesUnderTest.Now, r.OccurredAt));
    }

    [Fact]
    public async Task A_correction_is_announced_pseudonymously_without_its_reason_and_fed_back_to_Intake()
    {
        var outcomes = await RecordedAsync("contact-one");

        await outcomes.Corrector.CorrectAsync("contact-one", "assessment", "late police disclosure", "sw-2", CancellationToken.None);

        var corrected = Assert.Single(await outcomes.CorrectionsAsync());
        Assert.Equal((outcomes.CaseRefs.For("contact-one"), "nfa", "assessment", 2, "police-west", true),
            (corrected.CaseRef, corrected.PreviousOutcome, corrected.Outcome, corrected.Revision, corrected.AgencyId, corrected.ThresholdMet));
        Assert.Equal(OutcomesUnderTest.NowTimestamp, corrected.OccurredAt);
        Assert.DoesNotContain("contact-one", corrected.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("disclosure", corrected.ToString(), StringComparison.Ordinal);
        Assert.Equal([("nfa", 1), ("assessment", 2)], (await outcomes.FedBackAsync()).Select(f => (f.Outcome, f.Revision)));
    }

    [Fact]
    public async Task The_corrected_outcome_is_the_one_in_force()
    {
        var outcomes = await RecordedAsync("contact-one");
        await outcomes.Corrector.CorrectAsync("contact-one", "assessment", "late police disclosure", "sw-2", CancellationToken.None);

        await using var command = outcomes.DataSource.CreateCommand("SELECT outcome || '/' || revision FROM outcomes WHERE contact_id = 'contact-one'");
        Assert.Equal("assessment/2", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task The_same_correction_again_changes_nothing_and_answers_as_the_first()
    {
        var outcomes = await RecordedAsync("contact-one");
        var first = await outcomes.Corrector.CorrectAsync("contact-one", "assessment", "late police disclosure", "sw-2", CancellationToken.None);

        var again = await outcomes.Corrector.CorrectAsync("contact-one", "assessment", "late police disclosure", "sw-2", CancellationToken.None);

        Assert.Equal(first, again);
        Assert.Single(await outcomes.CorrectionsAsync());
        Assert.Equal(2, await outcomes.DataSource.CountAsync("outcome_revisions"));
    }

    [Fact]
    public async Task Correcting_to_the_outcome_in_force_is_refused_and_changes_nothing()
    {
        var outcomes = await RecordedAsync("contact-one");

        Assert.IsType<CorrectOutcomeResult.Refused>(await outcomes.Corrector.CorrectAsync("contact-one", "nfa", "no change", "sw-2", CancellationToken.None));

        Assert.Empty(await outcomes.CorrectionsAsync());
        Assert.Equal(1, await outcomes.DataSource.CountAsync("outcome_revisions"));
    }

    [Fact]
    public async Task A_contact_without_an_outcome_has_nothing_to_correct()
    {
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());
        await outcomes.ContactAsync("contact-one");

        Assert.IsType<CorrectOutcomeResult.NoOutcome>(await outcomes.Corrector.CorrectAsync("contact-one", "nfa", "why", "sw-2", CancellationToken.None));
        Assert.IsType<CorrectOutcomeResult.NoOutcome>(await outcomes.Corrector.CorrectAsync("c2", "nfa", "why", "sw-2", CancellationToken.None));
    }
}
