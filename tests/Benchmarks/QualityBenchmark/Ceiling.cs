using Npgsql;

namespace QualityBenchmark;

/// <summary>
/// What the same year costs PostgreSQL with nothing around it: one count of the year's contacts
/// (the least any scorecard that reads rows must do), and one statement counting the year's rows of
/// every table the scorecard reads (its whole read, without shipping a row). With EXPLAIN ANALYZE of
/// the scorecard's own heaviest reads, to say where a year's time goes.
/// </summary>
internal static class Ceiling
{
    public const string Contacts = "SELECT count(*) FROM contacts WHERE occurred_at >= $1 AND occurred_at < $2";

    public const string EveryTable = """
        SELECT (SELECT count(*) FROM contacts WHERE occurred_at >= $1 AND occurred_at < $2)
             + (SELECT count(*) FROM ratings WHERE occurred_at >= $1 AND occurred_at < $2)
             + (SELECT count(*) FROM outcomes WHERE occurred_at >= $1 AND occurred_at < $2)
             + (SELECT count(*) FROM decision_timings WHERE occurred_at >= $1 AND occurred_at < $2)
             + (SELECT count(*) FROM decisions d JOIN contacts c USING (contact_id) WHERE c.occurred_at >= $1 AND c.occurred_at < $2 AND d.occurred_at < $2)
             + (SELECT count(*) FROM agency_feedback WHERE occurred_at >= $1 AND occurred_at < $2)
             + (SELECT count(*) FROM outcome_agencies a JOIN outcomes o USING (case_ref) WHERE o.occurred_at >= $1 AND o.occurred_at < $2)
             + (SELECT count(*) FROM consultations WHERE occurred_at >= $1 AND occurred_at < $2)
             + (SELECT count(*) FROM presenting_issues i JOIN contacts c USING (contact_id) WHERE c.occurred_at >= $1 AND c.occurred_at < $2)
             + (SELECT count(*) FROM rating_changes WHERE occurred_at >= $1 AND occurred_at < $2)
             + (SELECT count(*) FROM escalations WHERE occurred_at >= $1 AND occurred_at < $2)
             + (SELECT count(*) FROM escalation_resolutions WHERE occurred_at >= $1 AND occurred_at < $2)
             + (SELECT count(*) FROM information_requests WHERE occurred_at >= $1 AND occurred_at < $2)
             + (SELECT count(*) FROM information_responses WHERE occurred_at >= $1 AND occurred_at < $2)
             + (SELECT count(*) FROM deadline_breaches WHERE occurred_at >= $1 AND occurred_at < $2)
             + (SELECT count(*) FROM deadline_approaches WHERE occurred_at >= $1 AND occurred_at < $2)
        """;

    /// <summary>The scorecard's reads of contacts and of their decisions, as FactReader and ActivityReader send them.</summary>
    public static readonly string[] Explained =
    [
        "SELECT contact_id, agency_id, occurred_at, contact_type, pathway FROM contacts WHERE ($1::timestamptz IS NULL OR occurred_at >= $1) AND ($2::timestamptz IS NULL OR occurred_at < $2)",
        """
        SELECT f.contact_id, f.agency_id, f.threshold_met, f.occurred_at FROM decisions f JOIN contacts c USING (contact_id)
        WHERE ($1::timestamptz IS NULL OR c.occurred_at >= $1) AND ($2::timestamptz IS NULL OR c.occurred_at < $2) AND ($2::timestamptz IS NULL OR f.occurred_at < $2)
        """,
    ];

    public static async Task<long> CountAsync(NpgsqlDataSource database, string sql, (DateTime From, DateTime To) period)
    {
        await using var command = database.CreateCommand(sql);
        command.Parameters.Add(new() { Value = period.From, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = period.To, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.CommandTimeout = 0;
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public static async Task<IReadOnlyList<string>> ExplainAsync(NpgsqlDataSource database, string sql, (DateTime From, DateTime To) period)
    {
        await using var command = database.CreateCommand($"EXPLAIN (ANALYZE, BUFFERS) {sql}");
        command.Parameters.Add(new() { Value = period.From, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = period.To, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.CommandTimeout = 0;
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }
        return lines;
    }
}
