using Npgsql;

namespace Mash.Timeliness.Reporting;

/// <summary>Takes the backlog's snapshot at a slot and stores it, once per slot however many replicas try.</summary>
internal sealed class BacklogSnapshots(NpgsqlDataSource database, BacklogOptions options, TimeProvider time)
{
    /// <summary>
    /// Stores the backlog as of <paramref name="slot"/>, from the clocks' facts, in one statement;
    /// true if this call took it, false if it had been taken already (by another replica, or before a restart).
    /// </summary>
    public async Task<bool> TakeAsync(DateTimeOffset slot, CancellationToken cancellationToken)
    {
        // Data-modifying CTEs run once, whether read or not: the counts go in only if the slot's row did.
        await using var command = database.CreateCommand("""
            WITH slot AS (
                INSERT INTO backlog_snapshots (slot_at, taken_at) VALUES ($1, $2) ON CONFLICT (slot_at) DO NOTHING RETURNING slot_at
            ), counts AS (
                INSERT INTO backlog_counts (slot_at, rag, age_from, age_to, agency_id, open)
                SELECT slot.slot_at, b.rag, b.age_from, b.age_to, b.agency_id, b.open FROM slot CROSS JOIN backlog_at($1, $3) AS b
            )
            SELECT count(*) FROM slot
            """);
        command.Parameters.Add(new() { Value = slot.UtcDateTime });
        command.Parameters.Add(new() { Value = time.GetUtcNow().UtcDateTime });
        command.Parameters.Add(BacklogReport.AgeBands(options));
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! == 1;
    }
}
