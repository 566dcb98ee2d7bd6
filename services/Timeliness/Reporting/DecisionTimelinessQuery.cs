using Mash.Contracts.Common.V1;
using Mash.Timeliness.Clocks;
using Npgsql;

namespace Mash.Timeliness.Reporting;

/// <summary>What T1 asks: decisions made in [From, To), by period, optionally one RAG's or one agency's.</summary>
internal sealed record DecisionTimelinessQuery(DateTimeOffset From, DateTimeOffset To, string Period, Rag Rag, string? AgencyId);

/// <summary>One period's decisions of one RAG from one agency, and how many were within target.</summary>
internal sealed record DecisionTimelinessCount(DateTimeOffset PeriodStart, Rag Rag, string AgencyId, long Decided, long WithinTarget);

/// <summary>
/// Decision timeliness (T1) from the stopped clocks, counted by when each decision was made
/// (imported history with its original times falls in its own period), in periods of the
/// partnership's local calendar; in each period Red, Amber, Green, then by agency.
/// </summary>
internal sealed class DecisionTimelinessReport(NpgsqlDataSource database, string timeZone)
{
    public async Task<IReadOnlyList<DecisionTimelinessCount>> CountAsync(DecisionTimelinessQuery query, CancellationToken cancellationToken)
    {
        await using var command = LocalPeriods.Command(database, $"""
            SELECT {LocalPeriods.StartOf("decided_at")} AS period_start, rag, coalesce(agency_id, ''),
                   count(*), count(*) FILTER (WHERE within_target)
            FROM clocks
            WHERE within_target IS NOT NULL AND decided_at >= $1 AND decided_at < $2
              AND ($5::text IS NULL OR rag = $5) AND ($6::text IS NULL OR agency_id = $6)
            GROUP BY 1, 2, 3
            ORDER BY 1, array_position(ARRAY['Red', 'Amber', 'Green'], rag), 3
            """, query.From, query.To, query.Period, timeZone);
        command.Parameters.Add(LocalPeriods.Filter(RagColumn.Name(query.Rag)));
        command.Parameters.Add(LocalPeriods.Filter(query.AgencyId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new List<DecisionTimelinessCount>();
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add(new(reader.GetFieldValue<DateTimeOffset>(0), RagColumn.FromColumn(reader.GetValue(1)), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4)));
        }
        return counts;
    }
}
