using Mash.Timeliness.Clocks;
using Npgsql;

namespace Mash.Timeliness.Alerts;

/// <summary>The alert log (<c>alerts</c>), read in sequence order from a resume position.</summary>
internal sealed class AlertLog(NpgsqlDataSource database)
{
    /// <summary>
    /// Up to <paramref name="limit"/> alerts after <paramref name="after"/> that pass <paramref name="filter"/>.
    /// The log's last sequence is read first: alerts become visible in sequence order, so every alert
    /// up to it is already there, and a reader that found fewer than the limit has looked through it all.
    /// </summary>
    public async Task<AlertPage> ReadAsync(long after, AlertFilter filter, int limit, CancellationToken cancellationToken)
    {
        await using var batch = database.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT coalesce(max(sequence), 0) FROM alerts"));
        var page = new NpgsqlBatchCommand("""
            SELECT sequence, kind, contact_id, rag, agency_id, team, started_at, due_at, occurred_at, raised_at FROM alerts
            WHERE sequence > $1
              AND (cardinality($2::text[]) = 0 OR rag = ANY($2))
              AND (cardinality($3::text[]) = 0 OR agency_id = ANY($3))
              AND (cardinality($4::text[]) = 0 OR team = ANY($4))
            ORDER BY sequence LIMIT $5
            """);
        page.Parameters.Add(new() { Value = after });
        page.Parameters.Add(new() { Value = filter.Rags.Select(RagColumn.Name).ToArray() });
        page.Parameters.Add(new() { Value = filter.AgencyIds.ToArray() });
        page.Parameters.Add(new() { Value = filter.Teams.ToArray() });
        page.Parameters.Add(new() { Value = limit });
        batch.BatchCommands.Add(page);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var last = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken);
        var alerts = new List<RaisedAlert>();
        while (await reader.ReadAsync(cancellationToken))
        {
            alerts.Add(Read(reader));
        }
        // A full page stops at its own last alert. Otherwise the page's statement saw at least what the
        // first did (and perhaps alerts committed between the two, which it returned).
        return alerts.Count == limit
            ? new(alerts, alerts[^1].Sequence, More: true)
            : new(alerts, Math.Max(Math.Max(last, after), alerts.Count > 0 ? alerts[^1].Sequence : 0), More: false);
    }

    private static RaisedAlert Read(NpgsqlDataReader row) => new(
        row.GetInt64(0),
        AlertKinds.FromColumn(row.GetString(1)),
        row.GetString(2),
        RagColumn.FromColumn(row.GetValue(3)),
        row.IsDBNull(4) ? null : row.GetString(4),
        row.GetString(5),
        row.GetFieldValue<DateTimeOffset>(6),
        row.GetFieldValue<DateTimeOffset>(7),
        row.GetFieldValue<DateTimeOffset>(8),
        row.GetFieldValue<DateTimeOffset>(9));
}
