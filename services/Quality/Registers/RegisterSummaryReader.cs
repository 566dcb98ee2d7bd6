using Mash.Quality.Periods;
using Npgsql;

namespace Mash.Quality.Registers;

/// <summary>The registers' counts for a period, each register by its own day (audited, responded, received, written, due, occurred).</summary>
internal sealed class RegisterSummaryReader(NpgsqlDataSource dataSource, RegisterVocabulary vocabulary)
{
    public async Task<RegisterCounts> ReadAsync(ReportingPeriod period, DateOnly today, CancellationToken cancellationToken)
    {
        var day = JudgedOn.Of(period, today);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // 'referral-quality' sorts after 'decision-making': descending puts Q1 first.
        var audits = AuditTally.Fold(await RowsAsync(connection, """
            SELECT kind, agency_id, grade, count(*), count(*) FILTER (WHERE consent = 'sought'), count(*) FILTER (WHERE consent = 'not-sought')
            FROM quality_audits WHERE audited_on >= $1 AND audited_on < $2 GROUP BY 1, 2, 3 ORDER BY 1 DESC, 2, 3
            """, [period.From, period.To], r => (r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5)), cancellationToken));
        var surveys = await RowsAsync(connection, """
            SELECT agency_id, count(*), count(*) FILTER (WHERE satisfaction = ANY($3)), count(*) FILTER (WHERE confident)
            FROM survey_responses WHERE responded_on >= $1 AND responded_on < $2 GROUP BY 1 ORDER BY 1
            """, [period.From, period.To, vocabulary.Satisfied.ToArray()], r => new SurveyTally(r.GetString(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3)), cancellationToken);
        var feedback = await RowsAsync(connection, """
            SELECT agency_id, count(*) FILTER (WHERE kind = 'complaint'), count(*) FILTER (WHERE kind = 'compliment')
            FROM feedback_items WHERE received_on >= $1 AND received_on < $2 GROUP BY 1 ORDER BY 1
            """, [period.From, period.To], r => new FeedbackTally(r.GetString(0), r.GetInt64(1), r.GetInt64(2)), cancellationToken);
        var caseStudies = await CountAsync(connection, "SELECT count(*) FROM case_studies WHERE written_on >= $1 AND written_on < $2", period, cancellationToken);
        var impacts = await CountAsync(connection, "SELECT count(*) FROM impact_entries WHERE occurred_on >= $1 AND occurred_on < $2", period, cancellationToken);
        // A learning log and a reports schedule hold tens of rows a year: read whole and counted by the
        // tested rules (LearningTally, ReportTally) rather than restated in SQL.
        var actions = await RowsAsync(connection, """
            SELECT a.target_on, a.completed_on FROM learning_actions a JOIN learning_entries e ON e.id = a.entry_id WHERE e.identified_on <= $1
            """, [day], r => (r.GetFieldValue<DateOnly>(0), RegisterSql.Nullable<DateOnly>(r, 1)), cancellationToken);
        var reports = await RowsAsync(connection, "SELECT due_on, progress, delivered_on FROM scheduled_reports", [],
            r => (r.GetFieldValue<DateOnly>(0), r.GetString(1), RegisterSql.Nullable<DateOnly>(r, 2)), cancellationToken);
        return new(period, audits, [.. surveys, SurveyTally.Total(surveys)], [.. feedback, FeedbackTally.Total(feedback)], caseStudies,
            LearningTally.Of(actions, period, day), ReportTally.Of(reports, period, day), impacts);
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, string sql, ReportingPeriod period, CancellationToken cancellationToken)
    {
        await using var command = RegisterSql.Command(connection, null, sql, period.From, period.To);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<List<T>> RowsAsync<T>(NpgsqlConnection connection, string sql, object?[] values, Func<NpgsqlDataReader, T> row, CancellationToken cancellationToken)
    {
        await using var command = RegisterSql.Command(connection, null, sql, values);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(row(reader));
        }
        return rows;
    }
}
