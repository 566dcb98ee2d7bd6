using Mash.Contracts.Common.V1;
using Mash.Quality.Indicators;
using Mash.Quality.Periods;
using Npgsql;
using NpgsqlTypes;

namespace Mash.Quality.Facts;

/// <summary>
/// T5's incidents and T3's and D7's backlog for a period of whole days, summed from their rollups
/// (migration 0012): both are judged at the period's end, a local midnight, so each row's days say
/// how it judges there. Each row stands for as many alike as it counts.
/// </summary>
internal static class DepthRollups
{
    /// <summary>
    /// T5: the period's contacts' incidents, by whether first decided by its end, in time, and past
    /// their 24 hours at it; as facts placed at moments that judge the same against <paramref name="end"/>.
    /// </summary>
    public static Task<IReadOnlyList<IncidentFact>> IncidentsAsync(NpgsqlTransaction transaction, RolledDays days, DateTime? end, CancellationToken cancellationToken) =>
        RollupReader.ReadAsync(transaction, """
            SELECT completed, completed AND within_target, overdue, sum(n)::bigint FROM (
                SELECT CASE WHEN $2::date IS NULL THEN decided_day <> 'infinity' ELSE decided_day < $2 END AS completed, within_target,
                    coalesce(overdue_day < $2, false) AS overdue, n
                FROM incidents_daily WHERE ($1::date IS NULL OR contact_day >= $1) AND ($2::date IS NULL OR contact_day < $2)) i
            GROUP BY 1, 2, 3 HAVING sum(n) <> 0
            """, days, r => Incident(end, completed: r.GetBoolean(0), within: r.GetBoolean(1), overdue: r.GetBoolean(2)) with { Count = r.GetInt64(3) }, cancellationToken);

    /// <summary>
    /// T3, D7: the contacts open at the period's end, whenever received, by RAG then and DASH risk,
    /// each day's as received at its midnight (every contact received before the oldest age band's
    /// day as of the day before it). A contact received on a day an age band starts in (the end less
    /// 1, 5 or 20 days of 24 hours) may fall either side of it, so those days come from the facts.
    /// </summary>
    public static async Task<IReadOnlyList<OpenContactFact>> BacklogAsync(
        NpgsqlTransaction transaction, Period period, RolledDays days, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var edges = period.To is { } end ? Backlog.AgeBands.Where(b => b.From > TimeSpan.Zero).Select(b => PeriodInstants.DayOf(end - b.From, zone)).Distinct().ToArray() : [];
        DateOnly? oldest = edges.Length > 0 ? edges.Min() : null;
        List<OpenContactFact> open = [.. await RollupReader.ReadAsync(transaction, """
            SELECT CASE WHEN contact_day < $3 THEN $3 - 1 ELSE contact_day END, rag, dash_risk, sum(n)::bigint FROM backlog_daily
            WHERE CASE WHEN $2::date IS NULL THEN decided_day = 'infinity' AND until_day = 'infinity'
                       ELSE decided_day >= $2 AND contact_day < $2 AND from_day < $2 AND until_day >= $2 AND contact_day <> ALL($4) END
            GROUP BY 1, 2, 3 HAVING sum(n) <> 0
            """, days, r => new OpenContactFact("", (Rag)r.GetInt16(1), PeriodInstants.Midnight(r.GetFieldValue<DateOnly>(0), zone))
            {
                DashRisk = r.GetString(2), Count = r.GetInt64(3),
            }, cancellationToken,
            new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Date, Value = (object?)oldest ?? DBNull.Value },
            new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Date, Value = edges })];
        foreach (var day in edges)
        {
            open.AddRange(await ReceivedOnAsync(transaction, period, PeriodInstants.Of(day, day.AddDays(1), zone), cancellationToken));
        }
        return open;
    }

    // Placed so that IncidentToCompletion judges it as the row says: past its 24 hours at the end, or not; decided in time, late, or not yet.
    private static IncidentFact Incident(DateTime? end, bool completed, bool within, bool overdue)
    {
        var incidentAt = end is { } at ? (overdue ? at - (2 * IncidentToCompletion.Target) : at) : DateTime.MinValue;
        return new("", incidentAt, completed ? incidentAt + (within ? TimeSpan.Zero : 2 * IncidentToCompletion.Target) : null);
    }

    // The contacts received in one day (found by contacts_occurred_at) open at the period's end, with their RAG then.
    private static Task<IReadOnlyList<OpenContactFact>> ReceivedOnAsync(NpgsqlTransaction transaction, Period period, Period day, CancellationToken cancellationToken) =>
        FactReader.ReadAsync(transaction, """
            SELECT c.contact_id, coalesce(r.rag, 0::smallint), c.occurred_at, c.dash_risk
            FROM contacts c JOIN contact_progress p USING (contact_id)
            LEFT JOIN LATERAL (
                SELECT h.rag FROM rating_history h WHERE h.contact_id = c.contact_id AND h.occurred_at < $2
                ORDER BY h.occurred_at DESC LIMIT 1) r ON true
            WHERE c.occurred_at >= $3 AND c.occurred_at < $4
              AND p.received_at < $2 AND (p.first_decided_at IS NULL OR p.first_decided_at >= $2)
            """, period, r => new OpenContactFact(r.GetString(0), (Rag)r.GetInt16(1), r.GetDateTime(2)) { DashRisk = r.GetString(3) }, cancellationToken,
            new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = day.From! },
            new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = day.To! });
}
