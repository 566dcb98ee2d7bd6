using Npgsql;
using NpgsqlTypes;

namespace QualityBenchmark;

/// <summary>
/// A prototype of the fix BENCHMARKS.md proposes, not Quality's code: the same facts folded into
/// per-day rollups (the partnership's local days, each row a day and the keys a measure splits by, with a count), built
/// here by GROUP BY in a schema of their own, and the cost of reading a whole year's scorecard from
/// them (every split the scorecard shows, in one statement). Measures that follow a period's
/// contacts (D2, D3, O4, O5) are kept by the contact's day and the decision's or feedback's day, so
/// "known by the period's end" is still a filter.
/// </summary>
internal static class Rollups
{
    private const string Day = "(occurred_at AT TIME ZONE 'Europe/London')::date";

    private static readonly string[] Build =
    [
        "DROP SCHEMA IF EXISTS proposal CASCADE; CREATE SCHEMA proposal",
        $"CREATE TABLE proposal.contacts_daily AS SELECT {Day} AS day, agency_id, contact_type, pathway, count(*) AS n FROM contacts GROUP BY 1, 2, 3, 4",
        $"CREATE TABLE proposal.ratings_daily AS SELECT {Day} AS day, rag, count(*) AS n FROM ratings GROUP BY 1, 2",
        $"CREATE TABLE proposal.outcomes_daily AS SELECT {Day} AS day, outcome, threshold_met, is_repeat_referral, count(*) AS n FROM outcomes GROUP BY 1, 2, 3, 4",
        $"CREATE TABLE proposal.decision_timings_daily AS SELECT {Day} AS day, within_target, count(*) AS n FROM decision_timings GROUP BY 1, 2",
        """
        CREATE TABLE proposal.decisions_daily AS SELECT (c.occurred_at AT TIME ZONE 'Europe/London')::date AS contact_day, (d.occurred_at AT TIME ZONE 'Europe/London')::date AS day,
            d.agency_id, d.threshold_met, count(*) AS n FROM decisions d JOIN contacts c USING (contact_id) GROUP BY 1, 2, 3, 4
        """,
        """
        CREATE TABLE proposal.feedback_daily AS SELECT (c.occurred_at AT TIME ZONE 'Europe/London')::date AS contact_day, (d.occurred_at AT TIME ZONE 'Europe/London')::date AS decided_day,
            (f.occurred_at AT TIME ZONE 'Europe/London')::date AS day, count(*) AS n, sum(extract(epoch FROM f.occurred_at - d.occurred_at) / 3600) AS hours
        FROM feedback f JOIN decisions d USING (contact_id) JOIN contacts c USING (contact_id) WHERE d.threshold_met GROUP BY 1, 2, 3
        """,
        """
        CREATE TABLE proposal.presenting_issues_daily AS SELECT (c.occurred_at AT TIME ZONE 'Europe/London')::date AS contact_day, i.issue, count(*) AS n
        FROM presenting_issues i JOIN contacts c USING (contact_id) GROUP BY 1, 2
        """,
        $"CREATE TABLE proposal.rating_changes_daily AS SELECT {Day} AS day, from_rag, to_rag, count(*) AS n FROM rating_changes GROUP BY 1, 2, 3",
        $"CREATE TABLE proposal.escalations_daily AS SELECT {Day} AS day, raised_by_agency, count(*) AS n FROM escalations GROUP BY 1, 2",
        $"CREATE TABLE proposal.escalation_resolutions_daily AS SELECT {Day} AS day, resolution, count(*) AS n FROM escalation_resolutions GROUP BY 1, 2",
        $"CREATE TABLE proposal.information_requests_daily AS SELECT {Day} AS day, agency_id, count(*) AS n FROM information_requests GROUP BY 1, 2",
        $"""
        CREATE TABLE proposal.information_responses_daily AS SELECT {Day} AS day, response_band, occurred_at - requested_at <= interval '4 hours' AS within_first_band,
            count(*) AS n FROM information_responses GROUP BY 1, 2, 3
        """,
        $"CREATE TABLE proposal.deadline_breaches_daily AS SELECT {Day} AS day, rag, count(*) AS n FROM deadline_breaches GROUP BY 1, 2",
        $"CREATE TABLE proposal.deadline_approaches_daily AS SELECT {Day} AS day, rag, count(*) AS n FROM deadline_approaches GROUP BY 1, 2",
        "VACUUM ANALYZE",
    ];

    /// <summary>Every split of the year's scorecard, summed from the rollups of its days ($1 inclusive, $2 exclusive).</summary>
    private const string Year = """
        SELECT 'D1', agency_id, sum(n) FROM proposal.contacts_daily WHERE day >= $1 AND day < $2 GROUP BY agency_id
        UNION ALL SELECT 'D4', agency_id, sum(n) FROM proposal.contacts_daily WHERE day >= $1 AND day < $2 AND contact_type = 'early-help-request' GROUP BY agency_id
        UNION ALL SELECT 'D5', contact_type, sum(n) FROM proposal.contacts_daily WHERE day >= $1 AND day < $2 GROUP BY contact_type
        UNION ALL SELECT 'D6', pathway::text, sum(n) FROM proposal.contacts_daily WHERE day >= $1 AND day < $2 GROUP BY pathway
        UNION ALL SELECT 'R1', (ARRAY['RAG_RED', 'RAG_AMBER', 'RAG_GREEN'])[rag], sum(n) FROM proposal.ratings_daily WHERE day >= $1 AND day < $2 GROUP BY rag
        UNION ALL SELECT 'O1', outcome, sum(n) FROM proposal.outcomes_daily WHERE day >= $1 AND day < $2 GROUP BY outcome
        UNION ALL SELECT 'O3', threshold_met::text || is_repeat_referral::text, sum(n) FROM proposal.outcomes_daily WHERE day >= $1 AND day < $2 GROUP BY 2
        UNION ALL SELECT 'T1', within_target::text, sum(n) FROM proposal.decision_timings_daily WHERE day >= $1 AND day < $2 GROUP BY within_target
        UNION ALL SELECT 'D2', agency_id, sum(n) FROM proposal.decisions_daily WHERE contact_day >= $1 AND contact_day < $2 AND day < $2 AND threshold_met GROUP BY agency_id
        UNION ALL SELECT 'O4', 'told', sum(n) FROM proposal.feedback_daily WHERE contact_day >= $1 AND contact_day < $2 AND decided_day < $2 AND day < $2
        UNION ALL SELECT 'O4', 'hours', sum(hours)::bigint FROM proposal.feedback_daily WHERE contact_day >= $1 AND contact_day < $2 AND decided_day < $2 AND day < $2
        UNION ALL SELECT 'D3', issue, sum(n) FROM proposal.presenting_issues_daily WHERE contact_day >= $1 AND contact_day < $2 GROUP BY issue
        UNION ALL SELECT 'R2', from_rag::text || to_rag::text, sum(n) FROM proposal.rating_changes_daily WHERE day >= $1 AND day < $2 GROUP BY 2
        UNION ALL SELECT 'R4', raised_by_agency, sum(n) FROM proposal.escalations_daily WHERE day >= $1 AND day < $2 GROUP BY raised_by_agency
        UNION ALL SELECT 'R4r', resolution, sum(n) FROM proposal.escalation_resolutions_daily WHERE day >= $1 AND day < $2 GROUP BY resolution
        UNION ALL SELECT 'R5', agency_id, sum(n) FROM proposal.information_requests_daily WHERE day >= $1 AND day < $2 GROUP BY agency_id
        UNION ALL SELECT 'T2', response_band || within_first_band::text, sum(n) FROM proposal.information_responses_daily WHERE day >= $1 AND day < $2 GROUP BY 2
        UNION ALL SELECT 'T4', (ARRAY['RAG_RED', 'RAG_AMBER', 'RAG_GREEN'])[rag], sum(n) FROM proposal.deadline_breaches_daily WHERE day >= $1 AND day < $2 GROUP BY rag
        UNION ALL SELECT 'T4a', (ARRAY['RAG_RED', 'RAG_AMBER', 'RAG_GREEN'])[rag], sum(n) FROM proposal.deadline_approaches_daily WHERE day >= $1 AND day < $2 GROUP BY rag
        """;

    /// <summary>Builds the rollups; returns how many rows of the six largest (all but the small activity ones) a year's scorecard sums.</summary>
    public static async Task<long> BuildAsync(NpgsqlDataSource database, (DateOnly From, DateOnly To) year)
    {
        foreach (var sql in Build)
        {
            await using var command = database.CreateCommand(sql);
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync();
        }
        await using var rows = database.CreateCommand("""
            SELECT (SELECT count(*) FROM proposal.contacts_daily WHERE day >= $1 AND day < $2) + (SELECT count(*) FROM proposal.ratings_daily WHERE day >= $1 AND day < $2)
                 + (SELECT count(*) FROM proposal.outcomes_daily WHERE day >= $1 AND day < $2) + (SELECT count(*) FROM proposal.decisions_daily WHERE contact_day >= $1 AND contact_day < $2)
                 + (SELECT count(*) FROM proposal.feedback_daily WHERE contact_day >= $1 AND contact_day < $2)
                 + (SELECT count(*) FROM proposal.information_responses_daily WHERE day >= $1 AND day < $2)
            """);
        AddDays(rows, year);
        return Convert.ToInt64(await rows.ExecuteScalarAsync());
    }

    /// <summary>Reads a year's scorecard from the rollups: each split's count by "measure key" ("D1 police").</summary>
    public static async Task<Dictionary<string, long>> ReadYearAsync(NpgsqlDataSource database, (DateOnly From, DateOnly To) year)
    {
        await using var command = database.CreateCommand(Year);
        AddDays(command, year);
        await using var reader = await command.ExecuteReaderAsync();
        var counts = new Dictionary<string, long>();
        while (await reader.ReadAsync())
        {
            counts[$"{reader.GetString(0)} {reader.GetString(1)}"] = reader.IsDBNull(2) ? 0 : Convert.ToInt64(reader.GetValue(2));
        }
        return counts;
    }

    private static void AddDays(NpgsqlCommand command, (DateOnly From, DateOnly To) year)
    {
        command.Parameters.Add(new() { Value = year.From, NpgsqlDbType = NpgsqlDbType.Date });
        command.Parameters.Add(new() { Value = year.To, NpgsqlDbType = NpgsqlDbType.Date });
    }
}
