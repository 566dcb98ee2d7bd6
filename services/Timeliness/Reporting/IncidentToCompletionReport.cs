using Npgsql;

namespace Mash.Timeliness.Reporting;

/// <summary>One period's incidents reported by one agency, and how many were completed within the target, later, or not yet.</summary>
internal sealed record IncidentToCompletionCount(DateTimeOffset PeriodStart, string AgencyId, long Incidents, long WithinTarget, long Later, long Open);

/// <summary>
/// Incident to completed multi-agency process (T5; Warwickshire's 24 hours, seed 003 §3.4). The
/// multi-agency process completes at the threshold decision (DecisionRecorded, whatever it decided):
/// the point at which the MASH's agencies have shared what they know and the contact's route is
/// chosen. Counted by when the incident happened, so an incident not yet completed stays in view;
/// every contact that carries an incident time counts (agency_id narrows it to the police's). Read
/// from the clocks, where the receipt keeps the incident beside the decision.
/// </summary>
internal sealed class IncidentToCompletionReport(NpgsqlDataSource database, string timeZone, TimeSpan target)
{
    public TimeSpan Target => target;

    public async Task<IReadOnlyList<IncidentToCompletionCount>> CountAsync(PeriodQuery query, CancellationToken cancellationToken)
    {
        await using var command = LocalPeriods.Command(database, $"""
            SELECT {LocalPeriods.StartOf("incident_at")} AS period_start, coalesce(agency_id, ''), count(*),
                   count(*) FILTER (WHERE decided_at <= incident_at + $6),
                   count(*) FILTER (WHERE decided_at > incident_at + $6),
                   count(*) FILTER (WHERE decided_at IS NULL)
            FROM clocks
            WHERE incident_at >= $1 AND incident_at < $2 AND ($5::text IS NULL OR agency_id = $5)
            GROUP BY 1, 2
            ORDER BY 1, 2
            """, query.From, query.To, query.Period, timeZone);
        command.Parameters.Add(LocalPeriods.Filter(query.AgencyId));
        command.Parameters.Add(new() { Value = target });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new List<IncidentToCompletionCount>();
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add(new(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5)));
        }
        return counts;
    }
}
