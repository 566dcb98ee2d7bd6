using Mash.Contracts.Common.V1;
using Mash.Timeliness.Clocks;
using Npgsql;
using NpgsqlTypes;

namespace Mash.Timeliness.Reporting;

/// <summary>
/// The backlog (T3): open contacts by RAG, age band and agency, now and at each slot of a series.
/// A series reads the snapshot stored at each slot and, for a slot none covers (before the service
/// ran, while it was down, imported history), computes it from the clocks' facts as of that slot
/// (<c>backlog_at</c>). Stored snapshots are kept rather than always computing, because a clock
/// keeps only its latest rating: a snapshot taken at its slot holds the RAG in force then, which a
/// later re-rating would otherwise rewrite.
/// </summary>
internal sealed class BacklogReport(NpgsqlDataSource database, BacklogOptions options, TimeProvider time)
{
    private const string CountColumns = "rag, age_from, age_to, agency_id, open";
    private const string CountOrder = "array_position(ARRAY['Red', 'Amber', 'Green'], rag), age_from, agency_id";

    public async Task<BacklogSnapshot> NowAsync(Rag rag, string? agencyId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var command = database.CreateCommand($"""
            SELECT {CountColumns} FROM backlog_at($1, $2)
            WHERE ($3::text IS NULL OR rag = $3) AND ($4::text IS NULL OR agency_id = $4)
            ORDER BY {CountOrder}
            """);
        command.Parameters.Add(new() { Value = now.UtcDateTime });
        command.Parameters.Add(AgeBands(options));
        command.Parameters.Add(LocalPeriods.Filter(RagColumn.Name(rag)));
        command.Parameters.Add(LocalPeriods.Filter(agencyId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new List<BacklogCount>();
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add(ReadCount(reader, 0));
        }
        return new(now, null, counts);
    }

    /// <summary>The series at the query's slots up to now: a later slot would be a forecast, the open contacts merely older.</summary>
    public async Task<IReadOnlyList<BacklogSnapshot>> SeriesAsync(BacklogSeriesQuery query, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        DateTimeOffset[] slots = [.. query.Slots.Where(slot => slot <= now)];
        // A stored snapshot of an empty backlog has no counts: its row comes with age_from NULL.
        await using var command = database.CreateCommand($"""
            SELECT * FROM (
                SELECT s.slot_at, k.taken_at, c.rag, c.age_from, c.age_to, c.agency_id, c.open
                FROM unnest($1::timestamptz[]) AS s(slot_at)
                JOIN backlog_snapshots k ON k.slot_at = s.slot_at
                LEFT JOIN backlog_counts c ON c.slot_at = s.slot_at AND ($3::text IS NULL OR c.rag = $3) AND ($4::text IS NULL OR c.agency_id = $4)
                UNION ALL
                SELECT s.slot_at, NULL, b.rag, b.age_from, b.age_to, b.agency_id, b.open
                FROM unnest($1::timestamptz[]) AS s(slot_at) CROSS JOIN LATERAL backlog_at(s.slot_at, $2) AS b
                WHERE NOT EXISTS (SELECT FROM backlog_snapshots k WHERE k.slot_at = s.slot_at)
                  AND ($3::text IS NULL OR b.rag = $3) AND ($4::text IS NULL OR b.agency_id = $4)
            ) AS u
            ORDER BY slot_at, {CountOrder}
            """);
        command.Parameters.Add(new() { Value = slots.Select(s => s.UtcDateTime).ToArray() });
        command.Parameters.Add(AgeBands(options));
        command.Parameters.Add(LocalPeriods.Filter(RagColumn.Name(query.Rag)));
        command.Parameters.Add(LocalPeriods.Filter(query.AgencyId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<(DateTimeOffset SlotAt, DateTimeOffset? TakenAt, BacklogCount? Count)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetFieldValue<DateTimeOffset>(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1), reader.IsDBNull(3) ? null : ReadCount(reader, 2)));
        }
        var bySlot = rows.ToLookup(r => r.SlotAt);
        return [.. slots.Select(slot => new BacklogSnapshot(slot, bySlot[slot].FirstOrDefault().TakenAt, [.. bySlot[slot].Select(r => r.Count).OfType<BacklogCount>()]))];
    }

    /// <summary>The configured bands' bounds, as <c>backlog_at</c> takes them.</summary>
    public static NpgsqlParameter AgeBands(BacklogOptions options) =>
        new() { Value = options.AgeBands.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Interval };

    private static BacklogCount ReadCount(NpgsqlDataReader reader, int first) => new(
        RagColumn.FromColumn(reader.GetValue(first)),
        reader.GetFieldValue<TimeSpan>(first + 1),
        reader.IsDBNull(first + 2) ? null : reader.GetFieldValue<TimeSpan>(first + 2),
        reader.GetString(first + 3),
        reader.GetInt64(first + 4));
}
