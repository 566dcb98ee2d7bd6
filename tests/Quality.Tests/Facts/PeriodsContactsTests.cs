using Mash.Contracts.Common.V1;
using Mash.Quality.Facts;
using Mash.Quality.Tests.Infrastructure;
using Npgsql;
using static Mash.Quality.Tests.Indicators.ActivityTestFacts;
using static Mash.Quality.Tests.Indicators.TestFacts;

namespace Mash.Quality.Tests.Facts;

/// <summary>
/// One consistent set of contacts, for the measures that used to count by their own time: a
/// quarter's ratings (R1), timed decisions (T1) and outcomes (O1, O3, and with them R3, O2, O6) are
/// those of the contacts received in it, as known at its end; T3's backlog is a snapshot at its end.
/// Worked for 2025/26 Q1 (April–June 2025): contacts "march", "april", "may" and "june".
/// </summary>
[Collection(QualityDatabaseCollection.Name)]
public sealed class PeriodsContactsTests(QualityDatabase database)
{
    private static readonly DateTime March = new(2025, 3, 20, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime April = new(2025, 4, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime May = new(2025, 5, 12, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime June = new(2025, 6, 30, 20, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime July = new(2025, 7, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime August = new(2025, 8, 4, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Period Q1 = new(April, July);

    private async Task<ScorecardFacts> Q1Async()
    {
        var dataSource = await database.CreateDatabaseAsync();
        var facts = new FactStore();
        var activity = new ActivityStore();
        var depth = new DepthStore();
        await dataSource.InTransactionAsync(async t =>
        {
            await facts.RecordContactsAsync(t,
                [Contact("march", "police-west", March), Contact("april", "police-west", April) with { IncidentAt = April.AddHours(-2) },
                 Contact("may", "police-west", May), Contact("june", "police-west", June)], CancellationToken.None);
            // "march" rated in Q1: not Q1's contact. "april" Green, re-rated Red in July: Green at Q1's end. "june" rated in July: unknown at the end.
            await facts.RecordRatingsAsync(t,
                [Rating("march", Rag.Red, April), Rating("april", Rag.Green, April), Rating("april", Rag.Red, July), Rating("may", Rag.Amber, May), Rating("june", Rag.Red, July)],
                CancellationToken.None);
            await facts.RecordDecisionTimingsAsync(t, [Timing("march", true, April), Timing("april", true, May), Timing("may", false, July)], CancellationToken.None);
            // "april" first decided in May and again in August: decided at Q1's end. "may" decided in July: open at the end.
            await activity.RecordDecisionsAsync(t, [Decision("march", true, at: April), Decision("april", true, at: May), Decision("may", true, at: July)], CancellationToken.None);
            await activity.RecordDecisionsAsync(t, [Decision("april", false, at: August)], CancellationToken.None);
            await facts.RecordOutcomesAsync(t,
            [
                Outcome("r-march", "advice", April) with { ContactReceivedAt = March },
                Outcome("r-april", "assessment", May) with { ContactReceivedAt = April },
                Outcome("r-may", "early-help", July) with { ContactReceivedAt = May },
                // From before Outcomes said when contacts were received: counted by its own time.
                Outcome("r-legacy", "nfa", May),
            ], CancellationToken.None);
            await depth.RecordGapsAsync(t, [new("r-april", "not-in-education"), new("r-may", "not-registered-with-gp")], CancellationToken.None);
            await depth.RecordOutcomeAgenciesAsync(t, [new("r-april", OutcomeAgencyFact.Onward, "gp-7"), new("r-march", OutcomeAgencyFact.Onward, "camhs")], CancellationToken.None);
            await depth.RecordConsultationsAsync(t, [new("k-may", "school", "social-work", May), new("k-july", "school", "social-work", July)], CancellationToken.None);
        });
        return await new FactReader(dataSource).ReadAsync(Q1, CancellationToken.None);
    }

    [Fact]
    public async Task Ratings_are_the_quarters_contacts_RAG_at_its_end()
    {
        var facts = await Q1Async();

        Assert.Equal([("april", Rag.Green), ("may", Rag.Amber)], facts.Ratings.Select(r => (r.ContactId, r.Rag)).Order());
    }

    [Fact]
    public async Task Timed_decisions_are_those_of_the_quarters_contacts_known_by_its_end() =>
        Assert.Equal(["april"], (await Q1Async()).DecisionTimings.Select(t => t.ContactId));

    [Fact]
    public async Task Outcomes_are_those_of_the_quarters_contacts_recorded_by_its_end_and_their_gaps_and_agencies_with_them()
    {
        var facts = await Q1Async();

        Assert.Equal(["r-april", "r-legacy"], facts.Outcomes.Select(o => o.CaseRef).Order());
        Assert.Equal(["r-april"], facts.Depth.Gaps.Select(g => g.CaseRef));
        Assert.Equal(["gp-7"], facts.Depth.OutcomeAgencies.Select(a => a.AgencyId));
    }

    [Fact]
    public async Task The_backlog_is_every_contact_open_at_the_end_with_its_RAG_then()
    {
        var facts = await Q1Async();

        Assert.Equal([("june", Rag.Unspecified), ("may", Rag.Amber)], facts.Depth.Backlog.Select(b => (b.ContactId, b.Rag)).Order());
    }

    [Fact]
    public async Task Incidents_are_the_quarters_contacts_completed_at_their_first_decision()
    {
        var incident = Assert.Single((await Q1Async()).Depth.Incidents);

        Assert.Equal(("april", April.AddHours(-2), (DateTime?)May), (incident.ContactId, incident.IncidentAt, incident.CompletedAt));
    }

    [Fact]
    public async Task Consultations_count_in_the_quarter_they_were_given() =>
        Assert.Equal(["k-may"], (await Q1Async()).Depth.Consultations.Select(c => c.ConsultationId));

    [Fact]
    public async Task A_decision_heard_before_its_contact_still_takes_the_contact_out_of_the_backlog()
    {
        var dataSource = await database.CreateDatabaseAsync();
        await dataSource.InTransactionAsync(t => new ActivityStore().RecordDecisionsAsync(t, [Decision("may", false, at: May.AddHours(1))], CancellationToken.None));
        await dataSource.InTransactionAsync(t => new FactStore().RecordContactsAsync(t, [Contact("may", "police-west", May), Contact("june", "police-west", June)], CancellationToken.None));

        var facts = await new FactReader(dataSource).ReadAsync(Q1, CancellationToken.None);

        Assert.Equal(["june"], facts.Depth.Backlog.Select(b => b.ContactId));
    }
}
