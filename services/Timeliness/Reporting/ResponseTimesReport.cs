using Npgsql;
using NpgsqlTypes;

namespace Mash.Timeliness.Reporting;

/// <summary>One period's requests to one agency: how many, how many not answered yet, and the answered ones in each band (the last: later than every bound).</summary>
internal sealed record ResponseTimeCount(DateTimeOffset PeriodStart, string AgencyId, long Requested, long Unanswered, IReadOnlyList<long> AnsweredByBand);

/// <summary>
/// Partner agencies' response times (T2) in the partnership's bands, counted by when each request
/// was made, so a request never answered stays in view (counted by answers, an agency that never
/// answers would look prompt); elapsed time, as Walsall's bands are hours round the clock.
/// </summary>
internal sealed class ResponseTimesReport(NpgsqlDataSource database, string timeZone, IReadOnlyList<TimeSpan> bands)
{
    public IReadOnlyList<TimeSpan> Bands => bands;

    public async Task<IReadOnlyList<ResponseTimeCount>> CountAsync(PeriodQuery query, CancellationToken cancellationToken)
    {
        // band: how many bounds the answer came after (0: within the first); NULL: not answered.
        await using var command = LocalPeriods.Command(database, $"""
            SELECT {LocalPeriods.StartOf("requested_at")} AS period_start, agency_id,
                   CASE WHEN provided_at IS NOT NULL THEN (SELECT count(*) FROM unnest($6::interval[]) AS b(bound) WHERE b.bound < provided_at - requested_at) END AS band,
                   count(*)
            FROM information_requests
            WHERE requested_at >= $1 AND requested_at < $2 AND ($5::text IS NULL OR agency_id = $5)
            GROUP BY 1, 2, 3
            ORDER BY 1, 2
            """, query.From, query.To, query.Period, timeZone);
        command.Parameters.Add(LocalPeriods.Filter(query.AgencyId));
        command.Parameters.Add(new() { Value = bands.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Interval });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<(DateTimeOffset PeriodStart, string AgencyId, long? Band, long Count)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt64(2), reader.GetInt64(3)));
        }
        return [.. rows.GroupBy(r => (r.PeriodStart, r.AgencyId)).Select(g => new ResponseTimeCount(
            g.Key.PeriodStart, g.Key.AgencyId, g.Sum(r => r.Count), g.Where(r => r.Band is null).Sum(r => r.Count),
            [.. Enumerable.Range(0, bands.Count + 1).Select(band => g.Where(r => r.Band == band).Sum(r => r.Count))]))];
    }
}
