using System.Text.RegularExpressions;
using Mash.Contracts.Common.V1;
using Mash.Quality.Facts;
using Mash.Quality.Indicators;
using Mash.Quality.Periods;
using Mash.Quality.Tests.Infrastructure;
using Npgsql;

namespace Mash.Quality.Tests.Facts;

/// <summary>
/// Migration 0012's rollups must say what the facts say: re-ratings (R2), escalations and their
/// resolutions (R4), answers within the first band or not (T2), breaches and approaches (T4), the
/// incidents of a period's contacts (T5) and the backlog at its end by RAG, age and DASH risk (T3,
/// D7), for random facts written in random batches and orders: decisions before their contacts and
/// re-decided earlier or later, ratings before their contacts and replayed with another RAG,
/// contacts received on the very edges of the age bands, answers on the edge of 4 hours, and
/// periods ending either side of both clock changes.
/// </summary>
[Collection(QualityDatabaseCollection.Name)]
public sealed class ActivityRollupAgreementTests(QualityDatabase database)
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly DateTime Start = new(2025, 2, 1, 0, 0, 0, DateTimeKind.Utc);

    public static TheoryData<int> Seeds => [1, 2, 3];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Every_period_s_activity_incidents_and_backlog_are_the_same_from_the_rollups_as_from_the_facts(int seed)
    {
        var dataSource = await database.CreateDatabaseAsync();
        await WriteRandomFactsAsync(dataSource, new Random(seed));

        // The random facts reach every measure compared, on both sides of each judgement.
        var all = Scorecards.Compute(await new FactReader(dataSource).ReadAsync(Period.All, CancellationToken.None));
        Assert.InRange(all.ResponsesWithin4Hours, 1, all.ResponsesByBand.Values.Sum() - 1);
        Assert.InRange(all.IncidentsCompletedWithin24H, 1, all.IncidentsJudged - 1);
        Assert.NotEmpty(all.EscalationsByAgency);
        Assert.NotEmpty(all.EscalationsResolvedByResolution);
        Assert.NotEmpty(all.DomesticAbuseOutstandingByRisk);
        await AssertAgreeAsync(dataSource);
    }

    [Fact]
    public async Task Rollups_filled_by_the_migration_from_facts_already_there_say_what_the_facts_say()
    {
        var dataSource = await database.CreateDatabaseAsync();
        await WriteRandomFactsAsync(dataSource, new Random(4));
        // As on a database that had its facts before 0012: empty rollups, then the migration's own fill.
        var migration = Extensions.Migrations.Single(m => m.Name.Contains("backlog_rollups", StringComparison.Ordinal)).Sql;
        var fills = Regex.Matches(migration, @"^(INSERT INTO \w+_daily\b|DO \$\$).*?;$", RegexOptions.Multiline | RegexOptions.Singleline).Select(m => m.Value).ToList();
        Assert.Equal(8, fills.Count);
        await dataSource.InTransactionAsync(async t =>
        {
            await using var empty = new NpgsqlCommand("""
                TRUNCATE rating_changes_daily, escalations_daily, escalation_resolutions_daily, information_responses_daily,
                    deadline_breaches_daily, deadline_approaches_daily, incidents_daily, backlog_daily, backlog_spans
                """, t.Connection, t);
            await empty.ExecuteNonQueryAsync();
            foreach (var fill in fills)
            {
                await using var command = new NpgsqlCommand(fill, t.Connection, t);
                await command.ExecuteNonQueryAsync();
            }
        });

        await AssertAgreeAsync(dataSource);
    }

    [Fact]
    public async Task Concurrent_batches_of_contacts_decisions_and_ratings_leave_the_incidents_and_backlog_as_the_facts()
    {
        var dataSource = await database.CreateDatabaseAsync();
        var store = new FactStore();
        var day = new DateTime(2025, 6, 2, 9, 0, 0, DateTimeKind.Utc);
        // Eight writers at once: each decides and rates the contacts the next one receives.
        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var batch = 0; batch < 10; batch++)
            {
                var mine = Enumerable.Range(0, 10).Select(i => $"c{w}-{batch}-{i}").ToList();
                var theirs = Enumerable.Range(0, 10).Select(i => $"c{(w + 1) % 8}-{batch}-{i}").ToList();
                await dataSource.InTransactionAsync(t => store.RecordContactsAsync(t,
                    [.. mine.Select(id => new ContactFact(id, "police-west", day.AddMinutes(batch)) { IncidentAt = day.AddHours(-batch), DashRisk = "DASH_RISK_HIGH" })], CancellationToken.None));
                await dataSource.InTransactionAsync(t => new ActivityStore().RecordDecisionsAsync(t,
                    [.. theirs.Where(id => !id.EndsWith('9')).Select(id => new DecisionFact(id, "police-west", true, day.AddDays(batch)))], CancellationToken.None));
                await dataSource.InTransactionAsync(t => store.RecordRatingsAsync(t, [.. theirs.Select(id => new RatingFact(id, (Rag)(1 + batch % 3), day.AddHours(batch)))], CancellationToken.None));
            }
        }));
        await Task.WhenAll(writers).WaitAsync(TimeSpan.FromMinutes(5));

        foreach (var end in new[] { new DateOnly(2025, 6, 5), new DateOnly(2025, 6, 9), new DateOnly(2025, 7, 1) })
        {
            var period = PeriodInstants.Of(new DateOnly(2025, 6, 1), end, London);
            var facts = await new FactReader(dataSource).ReadAsync(period, CancellationToken.None);
            var rolled = await new FactReader(dataSource, London).ReadAsync(period, CancellationToken.None);
            Assert.NotEmpty(facts.Depth.Backlog);
            Assert.Equal(Scorecards.Compute(facts), Scorecards.Compute(rolled));
        }
    }

    [Fact]
    public async Task A_year_s_backlog_and_incidents_are_summed_from_the_rollups_not_read_contact_by_contact()
    {
        var dataSource = await database.CreateDatabaseAsync();
        var received = new DateTime(2025, 6, 2, 9, 0, 0, DateTimeKind.Utc);
        await dataSource.InTransactionAsync(t => new FactStore().RecordContactsAsync(t,
            [.. Enumerable.Range(0, 5).Select(i => new ContactFact($"c{i}", "police-west", received.AddMinutes(i)) { IncidentAt = received.AddDays(-1) })], CancellationToken.None));

        var year = await new FactReader(dataSource, London).ReadAsync(PeriodInstants.Of(new DateOnly(2025, 4, 1), new DateOnly(2026, 4, 1), London), CancellationToken.None);

        Assert.Equal(("", 5L), (Assert.Single(year.Depth.Backlog).ContactId, year.Depth.Backlog[0].Count));
        Assert.Equal(("", 5L), (Assert.Single(year.Depth.Incidents).ContactId, year.Depth.Incidents[0].Count));
    }

    private static async Task AssertAgreeAsync(NpgsqlDataSource dataSource)
    {
        foreach (var period in Periods())
        {
            var facts = await new FactReader(dataSource).ReadAsync(period, CancellationToken.None);
            var rolled = await new FactReader(dataSource, London).ReadAsync(period, CancellationToken.None);

            Assert.Equal(Scorecards.Compute(facts), Scorecards.Compute(rolled));
            foreach (var (id, measure) in ComputedMeasures.ById)
            {
                Assert.True(measure.Value(facts) == measure.Value(rolled), $"{id} over {period}: {measure.Value(facts)} from the facts, {measure.Value(rolled)} from the rollups");
            }
        }
    }

    // Whole months and quarters, periods ending on the days the clocks change and the days after, part-day edges.
    private static IEnumerable<Period> Periods()
    {
        yield return Period.All;
        for (var month = new DateOnly(2025, 3, 1); month < new DateOnly(2026, 1, 1); month = month.AddMonths(1))
        {
            yield return PeriodInstants.Of(month, month.AddMonths(1), London);
            yield return PeriodInstants.Of(month.AddMonths(-3), month, London);
        }
        foreach (var end in new DateOnly[] { new(2025, 3, 30), new(2025, 3, 31), new(2025, 4, 1), new(2025, 4, 19), new(2025, 10, 26), new(2025, 10, 27), new(2025, 10, 28), new(2025, 11, 15) })
        {
            yield return PeriodInstants.Of(end.AddDays(-40), end, London);
        }
        yield return new Period(PeriodInstants.Of(new DateOnly(2025, 7, 1), new DateOnly(2025, 7, 2), London).From, null);
        yield return new Period(new DateTime(2025, 4, 1, 10, 17, 0, DateTimeKind.Utc), new DateTime(2025, 9, 15, 15, 3, 0, DateTimeKind.Utc));
    }

    private static async Task WriteRandomFactsAsync(NpgsqlDataSource dataSource, Random random)
    {
        string[] agencies = ["police-west", "school-north", "health-east"];
        string[] risks = ["", "", "DASH_RISK_HIGH", "DASH_RISK_STANDARD"];
        string[] bands = ["within 4 h", "4 to 24 h", "over 24 h"];
        var writes = new List<Func<NpgsqlTransaction, Task>>();
        var store = new FactStore();
        var activity = new ActivityStore();
        // Some contacts received exactly on, or a minute either side of, an age band's edge at some period's end.
        var edges = new[] { new DateOnly(2025, 4, 1), new DateOnly(2025, 10, 27), new DateOnly(2025, 11, 1), new DateOnly(2025, 3, 31) }
            .SelectMany(end => new[] { 1, 5, 20 }.SelectMany(days => new[] { -1, 0, 1 }.Select(minutes =>
                PeriodInstants.Midnight(end, London) - TimeSpan.FromDays(days) + TimeSpan.FromMinutes(minutes)))).ToList();
        for (var i = 0; i < 300; i++)
        {
            var received = i < edges.Count ? edges[i] : Start.AddMinutes(random.Next(0, 300 * 24 * 60));
            var contact = new ContactFact($"c{i}", Pick(agencies), received)
            {
                DashRisk = Pick(risks), IncidentAt = random.Next(3) == 0 ? null : received.AddMinutes(-random.Next(0, 3 * 24 * 60)),
            };
            writes.Add(t => store.RecordContactAsync(t, contact, CancellationToken.None));
            for (var rating = random.Next(0, 4); rating > 0; rating--)
            {
                var rated = new RatingFact(contact.ContactId, (Rag)random.Next(1, 4), received.AddHours(random.Next(-2, 24 * 30)));
                var change = new RatingChangeFact($"e{i}-{rating}", contact.ContactId, (Rag)random.Next(0, 4), rated.Rag, rated.OccurredAt);
                writes.Add(t => store.RecordRatingAsync(t, rated, CancellationToken.None));
                writes.Add(t => activity.RecordRatingChangesAsync(t, [change], CancellationToken.None));
                if (random.Next(8) == 0)
                {
                    writes.Add(t => store.RecordRatingAsync(t, rated with { Rag = (Rag)random.Next(1, 4) }, CancellationToken.None));
                }
            }
            for (var decision = random.Next(0, 3); decision > 0; decision--)
            {
                // Decided (perhaps before the contact arrived), and perhaps re-decided earlier or later: the first counts.
                var decided = new DecisionFact(contact.ContactId, contact.AgencyId, random.Next(2) == 0, received.AddMinutes(random.Next(2) == 0 ? random.Next(0, 2 * 24 * 60) : random.Next(0, 30 * 24 * 60)));
                writes.Add(t => activity.RecordDecisionsAsync(t, [decided], CancellationToken.None));
            }
            if (random.Next(4) == 0)
            {
                var raised = new EscalationFact($"x{i}", contact.ContactId, "referrer-challenge", Pick(agencies), received.AddHours(random.Next(0, 24 * 20)));
                var resolved = new EscalationResolutionFact(raised.EscalationId, raised.RaisedByAgency, Pick(["upheld", "not-upheld"]), raised.OccurredAt.AddHours(random.Next(0, 24 * 20)));
                writes.Add(t => activity.RecordEscalationsAsync(t, [raised], CancellationToken.None));
                writes.Add(t => activity.RecordResolutionsAsync(t, [resolved], CancellationToken.None));
            }
            var requested = received.AddMinutes(random.Next(0, 5 * 24 * 60));
            var took = random.Next(3) == 0 ? TimeSpan.FromHours(4) : TimeSpan.FromMinutes(random.Next(200, 280));
            var answered = new InformationResponseFact($"r{i}", Pick(agencies), requested, Pick(bands), requested + took);
            writes.Add(t => activity.RecordInformationResponsesAsync(t, [answered], CancellationToken.None));
            var due = received.AddHours(random.Next(1, 24 * 5));
            var breach = new DeadlineAlertFact(contact.ContactId, due, (Rag)random.Next(1, 4), contact.AgencyId, due);
            writes.Add(t => activity.RecordBreachesAsync(t, [breach], CancellationToken.None));
            writes.Add(t => activity.RecordApproachesAsync(t, [breach with { Rag = (Rag)random.Next(1, 4), OccurredAt = due.AddHours(-2) }], CancellationToken.None));
        }
        // Any order, in batches of one to fifteen writes.
        var shuffled = writes.OrderBy(_ => random.Next()).ToList();
        for (var at = 0; at < shuffled.Count;)
        {
            var batch = shuffled.Skip(at).Take(random.Next(1, 16)).ToList();
            at += batch.Count;
            await dataSource.InTransactionAsync(async t =>
            {
                foreach (var write in batch)
                {
                    await write(t);
                }
            });
        }

        string Pick(string[] values) => values[random.Next(values.Length)];
    }
}
