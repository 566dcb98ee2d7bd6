using Mash.Contracts.Timeliness.V1;
using Mash.ServiceDefaults;
using Mash.Timeliness.Clocks;
using Npgsql;
using NpgsqlTypes;

namespace Mash.Timeliness.Alerts;

/// <summary>
/// Raises what has fallen due, in ONE transaction: claims the due deadlines no other replica holds
/// (FOR UPDATE SKIP LOCKED), numbers an alert for each in the alert log, marks each moment alerted
/// and puts each alert's event in the outbox. All of it commits or none does, so each moment is
/// alerted exactly once, however many schedulers run and wherever one dies.
/// </summary>
internal sealed class AlertFiring(NpgsqlDataSource database, EventOutbox outbox, AlertSignals signals, AlertOptions options)
{
    /// <summary>
    /// Every writer of the alert log takes this transaction-scoped lock before numbering its alerts
    /// and holds it to commit, so alerts become visible in sequence order: a watcher that has read
    /// sequence n never later meets a smaller one (a plain bigserial may commit out of order).
    /// </summary>
    internal const long AlertLogLock = 0x4D41_5348_414C_5254; // "MASHALRT"

    /// <summary>Raises up to <see cref="AlertOptions.BatchSize"/> alerts due by <paramref name="now"/>; returns them.</summary>
    public async Task<IReadOnlyList<RaisedAlert>> FireDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var claimed = await ClaimAsync(transaction, now, cancellationToken);
        if (claimed.Count == 0)
        {
            return [];
        }
        var raised = await NumberAsync(transaction, [.. claimed.Select(deadline => RaisedAlert.Of(deadline, options.TeamOf(deadline.AgencyId), now))], cancellationToken);
        await using (var writes = new NpgsqlBatch(connection, transaction))
        {
            writes.BatchCommands.Add(MarkAlerted(raised));
            writes.BatchCommands.Add(EventOutbox.AddRangeCommand([.. raised.Select(AlertEvents.Of)]));
            await writes.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        outbox.Added(raised.Count);
        signals.AlertsRaised.Wake();
        return raised;
    }

    /// <summary>The earliest moment still to be alerted, or null when no open clock has one.</summary>
    public async Task<DateTimeOffset?> NextMomentAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("SELECT min(next_alert_at) FROM alert_deadlines WHERE next_alert_at IS NOT NULL");
        return await command.ExecuteScalarAsync(cancellationToken) is DateTime next ? new DateTimeOffset(next, TimeSpan.Zero) : null;
    }

    private async Task<List<AlertDeadline>> ClaimAsync(NpgsqlTransaction transaction, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var claim = new NpgsqlCommand("""
            SELECT contact_id, rag, agency_id, started_at, approaching_at, due_at FROM alert_deadlines
            WHERE next_alert_at <= $1 ORDER BY next_alert_at LIMIT $2 FOR UPDATE SKIP LOCKED
            """, transaction.Connection, transaction);
        claim.Parameters.Add(new() { Value = now.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        claim.Parameters.Add(new() { Value = options.BatchSize });
        await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
        var claimed = new List<AlertDeadline>();
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new(reader.GetString(0), RagColumn.FromColumn(reader.GetValue(1)), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3), reader.GetFieldValue<DateTimeOffset>(4), reader.GetFieldValue<DateTimeOffset>(5)));
        }
        return claimed;
    }

    /// <summary>Adds the alerts to the log under <see cref="AlertLogLock"/>; returns them with their sequences.</summary>
    private static async Task<List<RaisedAlert>> NumberAsync(NpgsqlTransaction transaction, IReadOnlyList<RaisedAlert> alerts, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(transaction.Connection, transaction);
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT pg_advisory_xact_lock({AlertLogLock})"));
        var insert = new NpgsqlBatchCommand("""
            INSERT INTO alerts (kind, contact_id, rag, agency_id, team, started_at, due_at, occurred_at, raised_at)
            SELECT a.kind, a.contact_id, a.rag, a.agency_id, a.team, a.started_at, a.due_at, a.occurred_at, $9
            FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::timestamptz[], $8::timestamptz[])
                WITH ORDINALITY AS a(kind, contact_id, rag, agency_id, team, started_at, due_at, occurred_at, n)
            ORDER BY a.n
            RETURNING contact_id, sequence
            """);
        batch.BatchCommands.Add(insert);
        insert.Parameters.Add(new() { Value = alerts.Select(a => AlertKinds.Column(a.Kind)).ToArray() });
        insert.Parameters.Add(new() { Value = alerts.Select(a => a.ContactId).ToArray() });
        insert.Parameters.Add(new() { Value = alerts.Select(a => RagColumn.Name(a.Rag)).ToArray() });
        insert.Parameters.Add(new() { Value = alerts.Select(a => a.AgencyId).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        insert.Parameters.Add(new() { Value = alerts.Select(a => a.Team).ToArray() });
        insert.Parameters.Add(InstantArrays.Of(alerts.Select(a => a.StartedAt)));
        insert.Parameters.Add(InstantArrays.Of(alerts.Select(a => a.DueAt)));
        insert.Parameters.Add(InstantArrays.Of(alerts.Select(a => a.OccurredAt)));
        insert.Parameters.Add(new() { Value = alerts[0].RaisedAt.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        var sequences = new Dictionary<string, long>(alerts.Count, StringComparer.Ordinal);
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            // The lock's own (void) row set first, then the inserted rows.
            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                sequences[reader.GetString(0)] = reader.GetInt64(1);
            }
        }
        return [.. alerts.Select(a => a with { Sequence = sequences[a.ContactId] }).OrderBy(a => a.Sequence)];
    }

    /// <summary>Each claimed deadline's moment is alerted; a breach also covers the approach (which then says nothing new).</summary>
    private static NpgsqlBatchCommand MarkAlerted(IReadOnlyList<RaisedAlert> raised)
    {
        var command = new NpgsqlBatchCommand("""
            UPDATE alert_deadlines AS d
            SET approaching_alerted_for = d.approaching_at,
                breach_alerted_for = CASE WHEN r.kind = 'breached' THEN d.due_at ELSE d.breach_alerted_for END
            FROM unnest($1::text[], $2::text[]) AS r(contact_id, kind)
            WHERE d.contact_id = r.contact_id
            """);
        command.Parameters.Add(new() { Value = raised.Select(a => a.ContactId).ToArray() });
        command.Parameters.Add(new() { Value = raised.Select(a => AlertKinds.Column(a.Kind)).ToArray() });
        return command;
    }
}
