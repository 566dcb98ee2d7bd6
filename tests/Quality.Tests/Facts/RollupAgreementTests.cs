using System.Text.RegularExpressions;
using Mash.Contracts.Common.V1;
using Mash.Quality.Facts;
using Mash.Quality.Indicators;
using Mash.Quality.Periods;
using Mash.Quality.Tests.Infrastructure;
using Npgsql;

namespace Mash.Quality.Tests.Facts;

/// <summary>
/// The rollups must say what the facts say: the same scorecard and the same measures, whether a
/// period is read from the facts alone or summed from the per-day rollups (with its part-days from
/// the facts), for random contacts, issues, requests, ratings, outcomes, timed decisions, decisions,
/// the outcomes' agencies and gaps, feedback given and consultations written in random batches and orders, with repeats,
/// later and earlier re-recordings, corrections heard before their recordings, decisions timed or made and contacts rated before the contacts arrived,
/// agencies, gaps and tellings heard before their outcome, earlier tellings after later ones, re-ratings and replays of a rating saying another RAG, and receipts across
/// both clock changes.
/// </summary>
[Collection(QualityDatabaseCollection.Name)]
public sealed class RollupAgreementTests(QualityDatabase database)
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly DateTime Start = new(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    public static TheoryData<int> Seeds => [1, 2, 3];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Every_period_s_scorecard_is_the_same_from_the_rollups_as_from_the_facts(int seed)
    {
        var dataSource = await database.CreateDatabaseAsync();
        await WriteRandomFactsAsync(dataSource, new Random(seed));
        // Not agreeing over nothing: every kind of fact is there to be summed.
        var everything = await new FactReader(dataSource).ReadAsync(Period.All, CancellationToken.None);
        Assert.All(new long[] { everything.Activity.Decisions.Count, everything.Depth.OutcomeAgencies.Count, everything.Depth.Gaps.Count, everything.Depth.Consultations.Count }, n => Assert.True(n > 0));
        Assert.Equal([false, true], everything.Depth.FeedbackOwed.Select(f => f.Told).Distinct().Order());
        Assert.Equal([false, true], everything.Depth.FeedbackOwed.Select(f => f.ToReferrer).Distinct().Order());

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

    [Fact]
    public async Task Rollups_filled_by_the_migration_from_facts_already_there_say_what_the_facts_say()
    {
        var dataSource = await database.CreateDatabaseAsync();
        await WriteRandomFactsAsync(dataSource, new Random(4));
        // As on a database that had its facts before 0010: empty rollups, then the migration's own fill.
        var migration = Extensions.Migrations.Single(m => m.Name.Contains("daily_rollups", StringComparison.Ordinal)).Sql;
        var fills = Regex.Matches(migration, @"^INSERT INTO \w+_daily\b.*?;$", RegexOptions.Multiline | RegexOptions.Singleline).Select(m => m.Value).ToList();
        Assert.Equal(6, fills.Count);
        await dataSource.InTransactionAsync(async t =>
        {
            await using var empty = new NpgsqlCommand(
                "TRUNCATE contacts_daily, ratings_daily, outcomes_daily, decision_timings_daily, presenting_issues_daily, information_requests_daily", t.Connection, t);
            await empty.ExecuteNonQueryAsync();
            foreach (var fill in fills)
            {
                await using var command = new NpgsqlCommand(fill, t.Connection, t);
                await command.ExecuteNonQueryAsync();
            }
        });

        foreach (var period in Periods())
        {
            Assert.Equal(Scorecards.Compute(await new FactReader(dataSource).ReadAsync(period, CancellationToken.None)),
                Scorecards.Compute(await new FactReader(dataSource, London).ReadAsync(period, CancellationToken.None)));
        }
    }

    [Fact]
    public async Task Rollups_of_decisions_outcomes_in_depth_feedback_and_consultations_filled_by_their_migration_say_what_the_facts_say()
    {
        var dataSource = await database.CreateDatabaseAsync();
        await WriteRandomFactsAsync(dataSource, new Random(5));
        // As on a database that had its facts before 0011: empty rollups, then the migration's own fill.
        var migration = Extensions.Migrations.Single(m => m.Name.Contains("feedback_rollups", StringComparison.Ordinal)).Sql;
        var fills = Regex.Matches(migration, @"^INSERT INTO (\w+_daily|feedback_owed)\b.*?;$", RegexOptions.Multiline | RegexOptions.Singleline).Select(m => m.Value).ToList();
        Assert.Equal(6, fills.Count);
        await dataSource.InTransactionAsync(async t =>
        {
            await using var empty = new NpgsqlCommand(
                "TRUNCATE decisions_daily, outcome_agencies_daily, outcome_gaps_daily, feedback_owed, feedback_daily, consultations_daily", t.Connection, t);
            await empty.ExecuteNonQueryAsync();
            foreach (var fill in fills)
            {
                await using var command = new NpgsqlCommand(fill, t.Connection, t);
                await command.ExecuteNonQueryAsync();
            }
        });

        foreach (var period in Periods())
        {
            Assert.Equal(Scorecards.Compute(await new FactReader(dataSource).ReadAsync(period, CancellationToken.None)),
                Scorecards.Compute(await new FactReader(dataSource, London).ReadAsync(period, CancellationToken.None)));
        }
    }

    [Fact]
    public async Task Concurrent_batches_of_contacts_ratings_timings_and_outcomes_leave_the_rollups_as_the_facts()
    {
        var dataSource = await database.CreateDatabaseAsync();
        var store = new FactStore();
        var day = new DateTime(2025, 6, 2, 9, 0, 0, DateTimeKind.Utc);
        // Eight writers at once on the same days: each times the decisions of the contacts the next one receives.
        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var batch = 0; batch < 10; batch++)
            {
                var mine = Enumerable.Range(0, 10).Select(i => $"c{w}-{batch}-{i}").ToList();
                var theirs = Enumerable.Range(0, 10).Select(i => $"c{(w + 1) % 8}-{batch}-{i}").ToList();
                await dataSource.InTransactionAsync(t => store.RecordContactsAsync(t, [.. mine.Select(id => new ContactFact(id, "police-west", day.AddMinutes(batch)))], CancellationToken.None));
                await dataSource.InTransactionAsync(t => store.RecordDecisionTimingsAsync(t, [.. theirs.Select(id => new DecisionTimingFact(id, Rag.Red, batch % 2 == 0, day.AddHours(1)))], CancellationToken.None));
                await dataSource.InTransactionAsync(t => store.RecordRatingsAsync(t, [.. theirs.Select(id => new RatingFact(id, (Rag)(1 + batch % 3), day.AddHours(batch)))], CancellationToken.None));
                await dataSource.InTransactionAsync(t => store.RecordOutcomesAsync(t, [.. theirs.Select(id => new OutcomeFact(id, "early-help", true, false, day.AddHours(batch)) { AgencyId = "police-west", ContactReceivedAt = day })], CancellationToken.None));
                await dataSource.InTransactionAsync(t => new ActivityStore().RecordDecisionsAsync(t, [.. theirs.Select(id => new DecisionFact(id, "police-west", batch % 2 == 0, day.AddHours(2)))], CancellationToken.None));
                // The agencies and tellings of the outcomes the writer before this one records.
                await dataSource.InTransactionAsync(t => new DepthStore().RecordOutcomeAgenciesAsync(t, [.. mine.Select(id => new OutcomeAgencyFact(id, OutcomeAgencyFact.Contributed, "health-east"))], CancellationToken.None));
                await dataSource.InTransactionAsync(t => new DepthStore().RecordAgencyFeedbackAsync(t,
                    [.. mine.Select(id => new AgencyFeedbackFact(id, batch % 2 == 0 ? "police-west" : "health-east", batch % 2 == 0, day, day.AddHours(batch + 3)))], CancellationToken.None));
            }
        }));
        await Task.WhenAll(writers).WaitAsync(TimeSpan.FromMinutes(5));

        var year = PeriodInstants.Of(new DateOnly(2025, 4, 1), new DateOnly(2026, 4, 1), London);
        var facts = await new FactReader(dataSource).ReadAsync(year, CancellationToken.None);
        var rolled = await new FactReader(dataSource, London).ReadAsync(year, CancellationToken.None);
        Assert.Equal(800, facts.DecisionTimings.Count);
        Assert.Equal((800, 1600), (facts.Activity.Decisions.Count, facts.Depth.FeedbackOwed.Count));
        Assert.Equal(Scorecards.Compute(facts), Scorecards.Compute(rolled));
    }

    [Fact]
    public async Task A_year_of_whole_days_is_summed_from_the_rollups_not_read_contact_by_contact()
    {
        var dataSource = await database.CreateDatabaseAsync();
        await dataSource.InTransactionAsync(t => new FactStore().RecordContactsAsync(t,
            [.. Enumerable.Range(0, 5).Select(i => new ContactFact($"c{i}", "police-west", new DateTime(2025, 6, 2, 9, i, 0, DateTimeKind.Utc)))], CancellationToken.None));

        var year = await new FactReader(dataSource, London).ReadAsync(PeriodInstants.Of(new DateOnly(2025, 4, 1), new DateOnly(2026, 4, 1), London), CancellationToken.None);

        var day = Assert.Single(year.Contacts);
        Assert.Equal(("", 5L), (day.ContactId, day.Count));
    }

    [Fact]
    public async Task A_part_day_at_a_period_s_edge_is_read_from_the_facts()
    {
        var dataSource = await database.CreateDatabaseAsync();
        var morning = new DateTime(2025, 6, 2, 8, 0, 0, DateTimeKind.Utc);
        await dataSource.InTransactionAsync(t => new FactStore().RecordContactsAsync(t,
            [new ContactFact("early", "police-west", morning), new ContactFact("next-day", "police-west", morning.AddDays(1))], CancellationToken.None));

        var facts = await new FactReader(dataSource, London).ReadAsync(new Period(morning, null), CancellationToken.None);

        Assert.Equal([("", 1L), ("early", 1L)], facts.Contacts.Select(c => (c.ContactId, c.Count)).Order());
    }

    [Fact]
    public async Task Rollups_of_another_time_zone_s_days_are_not_summed()
    {
        var dataSource = await database.CreateDatabaseAsync();
        await dataSource.InTransactionAsync(t => new FactStore().RecordContactAsync(t, new ContactFact("c1", "police-west", Start), CancellationToken.None));

        var facts = await new FactReader(dataSource, TimeZoneInfo.FindSystemTimeZoneById("America/New_York")).ReadAsync(Period.All, CancellationToken.None);

        Assert.Equal("c1", Assert.Single(facts.Contacts).ContactId);
    }

    private static IEnumerable<Period> Periods()
    {
        DateOnly Day(int month, int day) => new(2025, month, day);
        yield return Period.All;
        yield return PeriodInstants.Of(Day(4, 1), new DateOnly(2026, 4, 1), London);
        for (var month = 3; month <= 12; month += 3)
        {
            yield return PeriodInstants.Of(Day(month, 1), month == 12 ? new DateOnly(2026, 1, 1) : Day(month + 3, 1), London);
        }
        yield return PeriodInstants.Of(Day(3, 30), Day(3, 31), London);
        yield return PeriodInstants.Of(Day(10, 1), Day(11, 1), London);
        yield return new Period(null, PeriodInstants.Of(Day(7, 1), Day(7, 2), London).From);
        yield return new Period(PeriodInstants.Of(Day(7, 1), Day(7, 2), London).From, null);
        yield return new Period(new DateTime(2025, 4, 1, 10, 17, 0, DateTimeKind.Utc), new DateTime(2025, 9, 15, 15, 3, 0, DateTimeKind.Utc));
        yield return new Period(new DateTime(2025, 5, 6, 7, 0, 0, DateTimeKind.Utc), new DateTime(2025, 5, 6, 19, 0, 0, DateTimeKind.Utc));
    }

    private static async Task WriteRandomFactsAsync(NpgsqlDataSource dataSource, Random random)
    {
        string[] agencies = ["police-west", "school-north", "health-east", "public"];
        string[] types = ["", ContactsByType.EarlyHelpRequest, ContactsByType.InformationRequest, "notification"];
        string[] risks = ["", "DASH_RISK_HIGH", "DASH_RISK_STANDARD"];
        string[] consents = ["", "CONSENT_STATE_GIVEN", "CONSENT_STATE_OVERRIDDEN"];
        string[] outcomes = ["strategy-discussion", "early-help", "no-further-action"];
        var writes = new List<Func<NpgsqlTransaction, Task>>();
        var store = new FactStore();
        var depth = new DepthStore();
        for (var i = 0; i < 300; i++)
        {
            var received = Start.AddMinutes(random.Next(0, 300 * 24 * 60));
            var contact = new ContactFact($"c{i}", Pick(agencies), received, Pick(types), (Pathway)random.Next(0, 3)) { DashRisk = Pick(risks), Consent = Pick(consents) };
            writes.Add(t => store.RecordContactAsync(t, contact, CancellationToken.None));
            if (random.Next(10) == 0)
            {
                // Received again: the first stands.
                writes.Add(t => store.RecordContactAsync(t, contact with { AgencyId = "public" }, CancellationToken.None));
            }
            // Presenting issues (perhaps written before the contact) and requests to partners, at any time of day.
            var issues = types.Skip(1).Take(random.Next(0, 3)).Select(issue => new PresentingIssueFact(contact.ContactId, $"issue-{issue}")).ToList();
            writes.Add(t => new ActivityStore().RecordPresentingIssuesAsync(t, issues, CancellationToken.None));
            var requested = new InformationRequestFact($"r{i}", contact.ContactId, Pick(agencies), received.AddMinutes(random.Next(0, 24 * 60 * 5)));
            writes.Add(t => new ActivityStore().RecordInformationRequestsAsync(t, [requested], CancellationToken.None));
            for (var rating = random.Next(0, 4); rating > 0; rating--)
            {
                // Rated and re-rated, days or weeks apart or twice in a day, perhaps before the contact arrived; a replay of a moment may say another RAG.
                var rated = new RatingFact(contact.ContactId, (Rag)random.Next(1, 4), received.AddHours(random.Next(-2, 24 * 40)));
                writes.Add(t => store.RecordRatingAsync(t, rated, CancellationToken.None));
                if (random.Next(8) == 0)
                {
                    writes.Add(t => store.RecordRatingAsync(t, rated with { Rag = (Rag)random.Next(1, 4) }, CancellationToken.None));
                }
            }
            if (random.Next(10) < 8)
            {
                // Timed (in any order, perhaps before the contact arrived), and perhaps re-timed later or earlier.
                var timing = new DecisionTimingFact(contact.ContactId, (Rag)random.Next(1, 4), random.Next(5) != 0, received.AddHours(random.Next(0, 24 * 10)));
                writes.Add(t => store.RecordDecisionTimingAsync(t, timing, CancellationToken.None));
                if (random.Next(5) == 0)
                {
                    var again = timing with { WithinTarget = !timing.WithinTarget, OccurredAt = timing.OccurredAt.AddHours(random.Next(-24, 24 * 30)) };
                    writes.Add(t => store.RecordDecisionTimingAsync(t, again, CancellationToken.None));
                }
            }
            if (random.Next(10) < 8)
            {
                // Decided (perhaps before the contact arrived), and perhaps re-decided later or earlier, the other way.
                var decision = new DecisionFact(contact.ContactId, contact.AgencyId, random.Next(5) < 2, received.AddHours(random.Next(-2, 24 * 10)));
                writes.Add(t => new ActivityStore().RecordDecisionsAsync(t, [decision], CancellationToken.None));
                if (random.Next(5) == 0)
                {
                    var again = decision with { ThresholdMet = !decision.ThresholdMet, OccurredAt = decision.OccurredAt.AddHours(random.Next(-24, 24 * 30)) };
                    writes.Add(t => new ActivityStore().RecordDecisionsAsync(t, [again], CancellationToken.None));
                }
            }
            if (random.Next(3) == 0)
            {
                var consultation = new ConsultationFact($"k{i}", Pick(agencies), Pick(["social-work", "early-help"]), received.AddMinutes(random.Next(0, 24 * 60 * 3)));
                writes.Add(t => depth.RecordConsultationsAsync(t, [consultation], CancellationToken.None));
            }
            if (random.Next(10) < 7)
            {
                var recorded = received.AddHours(random.Next(0, 60 * 24));
                var outcome = new OutcomeFact($"case{i}", Pick(outcomes), random.Next(2) == 0, random.Next(3) == 0, recorded)
                {
                    AgencyId = contact.AgencyId, ContactReceivedAt = random.Next(10) == 0 ? null : received,
                    InitialRag = (Rag)random.Next(0, 4), FinalRag = (Rag)random.Next(0, 4),
                };
                writes.Add(t => store.RecordOutcomeAsync(t, outcome, CancellationToken.None));
                if (random.Next(5) == 0)
                {
                    // Recorded again, later or earlier than the first.
                    var again = outcome with { Outcome = Pick(outcomes), OccurredAt = recorded.AddHours(random.Next(-48, 48 * 20)), IsRepeatReferral = random.Next(2) == 0 };
                    writes.Add(t => store.RecordOutcomeAsync(t, again, CancellationToken.None));
                }
                // Its agencies, gaps and tellings, each perhaps heard before the outcome; a telling perhaps heard again, earlier or later.
                var contributors = agencies.Where(_ => random.Next(3) == 0).ToList();
                var outcomeAgencies = contributors.Select(a => new OutcomeAgencyFact(outcome.CaseRef, OutcomeAgencyFact.Contributed, a))
                    .Concat(agencies.Where(_ => random.Next(4) == 0).Select(a => new OutcomeAgencyFact(outcome.CaseRef, OutcomeAgencyFact.Onward, a))).ToList();
                writes.Add(t => depth.RecordOutcomeAgenciesAsync(t, outcomeAgencies, CancellationToken.None));
                var gaps = new[] { "not-in-education", "no-gp" }.Where(_ => random.Next(3) == 0).Select(g => new GapFact(outcome.CaseRef, g)).ToList();
                writes.Add(t => depth.RecordGapsAsync(t, gaps, CancellationToken.None));
                foreach (var told in contributors.Prepend(contact.AgencyId).Append(Pick(agencies)).Distinct().Where(_ => random.Next(3) > 0))
                {
                    var telling = new AgencyFeedbackFact(outcome.CaseRef, told, told == contact.AgencyId, recorded, recorded.AddMinutes(random.Next(0, 24 * 60 * 20)));
                    writes.Add(t => depth.RecordAgencyFeedbackAsync(t, [telling], CancellationToken.None));
                    if (random.Next(6) == 0)
                    {
                        writes.Add(t => depth.RecordAgencyFeedbackAsync(t, [telling with { OccurredAt = telling.OccurredAt.AddMinutes(random.Next(-24 * 60, 24 * 60 * 10)) }], CancellationToken.None));
                    }
                }
                if (random.Next(6) == 0)
                {
                    var correction = new OutcomeCorrectionFact(outcome.CaseRef, Pick(outcomes), random.Next(2) == 0, Pick(agencies), 2, outcome.ContactReceivedAt, recorded.AddDays(random.Next(0, 40)));
                    writes.Add(t => depth.RecordCorrectionsAsync(t, [correction], CancellationToken.None));
                }
            }
        }
        // Any order (a correction or a second recording may come first), in batches of one to fifteen writes.
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
