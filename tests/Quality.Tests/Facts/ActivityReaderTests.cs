using Mash.Contracts.Common.V1;
using Mash.Quality.Facts;
using Mash.Quality.Indicators;
using Mash.Quality.Tests.Infrastructure;
using static Mash.Quality.Tests.Indicators.ActivityTestFacts;
using static Mash.Quality.Tests.Indicators.TestFacts;

namespace Mash.Quality.Tests.Facts;

/// <summary>
/// One consistent set of contacts: a quarter's D2 and O5 describe the contacts received in it (as
/// D1 does), with their decisions as known at the quarter's end, whenever in the
/// quarter those came; activities (re-ratings, escalations, requests, answers, breaches) count in the
/// quarter they happened. Worked for 2025/26 Q1 (April–June 2025).
/// </summary>
[Collection(QualityDatabaseCollection.Name)]
public sealed class ActivityReaderTests(QualityDatabase database)
{
    private static readonly DateTime March = new(2025, 3, 20, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime April = new(2025, 4, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime May = new(2025, 5, 12, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime July = new(2025, 7, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly Period Q1 = new(April, July);

    private async Task<Npgsql.NpgsqlDataSource> QuarterAsync()
    {
        var dataSource = await database.CreateDatabaseAsync();
        var facts = new FactStore();
        var activity = new ActivityStore();
        await dataSource.InTransactionAsync(async t =>
        {
            // Received: "march" in the quarter before; "april" and "may" in Q1.
            await facts.RecordContactsAsync(t, [Contact("march", "police-west", March), Contact("april", "police-west", April), Contact("may", "police-west", May)], CancellationToken.None);
            // "march" decided in Q1: not Q1's contact. "april" decided in Q1. "may" decided in July: not known at Q1's end.
            await activity.RecordDecisionsAsync(t, [Decision("march", true, at: April), Decision("april", true, at: May), Decision("may", true, at: July)], CancellationToken.None);
            await activity.RecordPresentingIssuesAsync(t, [new("march", "neglect"), new("april", "neglect"), new("may", "domestic-abuse")], CancellationToken.None);
            await activity.RecordEscalationsAsync(t, [Escalation("in-q1", "health", May), Escalation("in-q2", "health", July)], CancellationToken.None);
            await activity.RecordBreachesAsync(t, [Breach("march", Rag.Red, March), Breach("april", Rag.Red, April)], CancellationToken.None);
        });
        return dataSource;
    }

    [Fact]
    public async Task Decisions_are_those_of_the_quarters_contacts_known_by_its_end()
    {
        var facts = await new FactReader(await QuarterAsync()).ReadAsync(Q1, CancellationToken.None);

        Assert.Equal(["april"], facts.Activity.Decisions.Select(d => d.ContactId));
    }

    [Fact]
    public async Task Presenting_issues_are_those_of_the_quarters_contacts()
    {
        var facts = await new FactReader(await QuarterAsync()).ReadAsync(Q1, CancellationToken.None);

        Assert.Equal(["april", "may"], facts.Activity.PresentingIssues.Select(i => i.ContactId).Order());
    }

    [Fact]
    public async Task The_quarters_conversion_describes_its_two_contacts()
    {
        var facts = await new FactReader(await QuarterAsync()).ReadAsync(Q1, CancellationToken.None);

        // D2: 1 referral of Q1's 2 contacts; O5: none below the threshold.
        Assert.Equal((50.0, 0.0), (ComputedMeasures.ById["D2"].Value(facts), ComputedMeasures.ById["O5"].Value(facts)));
    }

    [Fact]
    public async Task Activities_count_in_the_quarter_they_happened()
    {
        var facts = await new FactReader(await QuarterAsync()).ReadAsync(Q1, CancellationToken.None);

        Assert.Equal(["in-q1"], facts.Activity.Escalations.Select(e => e.EscalationId));
        Assert.Equal(["april"], facts.Activity.Breaches.Select(b => b.ContactId));
    }
}
