using Grpc.Core;
using Npgsql;

namespace Mash.ServiceDefaults;

/// <summary>Whether an audited call was allowed (the data left the service) or denied (nothing did).</summary>
public enum AuditOutcome
{
    Allowed,
    Denied,
}

/// <summary>One audited call: who (<paramref name="Caller"/>), what (<paramref name="Action"/>, the gRPC method, on <paramref name="RecordId"/>), when, and the outcome.</summary>
public sealed record AuditEntry(Guid Id, DateTimeOffset OccurredAt, Caller Caller, string Action, string? RecordId, AuditOutcome Outcome);

/// <summary>
/// The service's <c>audit_log</c>: every read of personal data, allowed or denied, and every call
/// refused for its role (<see cref="DenialAudit"/>). Rows are only ever added. A read records itself in
/// its own transaction (<see cref="RecordAsync(NpgsqlTransaction, Caller, string, string?, AuditOutcome, CancellationToken)"/>),
/// so no data leaves without its row; anything else on a connection of its own.
/// </summary>
public sealed class AuditLog(NpgsqlDataSource dataSource, TimeProvider time)
{
    /// <summary>
    /// The table; list it with the service's own migrations. Created only if missing: Intake's
    /// <c>audit_log</c> predates it and Intake's own migration brings that one to this shape first.
    /// </summary>
    public static readonly Migration Migration = new(1_000_003, "audit_log", """
        -- Who (the caller's id and name, its roles, its agency for a frontline app), what (the gRPC
        -- method and the record it read), when (the service's clock), and whether it was allowed.
        CREATE TABLE IF NOT EXISTS audit_log (
            id          uuid        PRIMARY KEY,
            occurred_at timestamptz NOT NULL,
            actor_id    text        NOT NULL,
            actor_name  text        NOT NULL,
            agency_id   text,
            roles       text[]      NOT NULL,
            action      text        NOT NULL,
            record_id   text,
            outcome     text        NOT NULL CHECK (outcome IN ('allowed', 'denied'))
        );
        -- Who has read this record; what has this person or agency read.
        CREATE INDEX IF NOT EXISTS audit_log_record ON audit_log (record_id, occurred_at);
        CREATE INDEX IF NOT EXISTS audit_log_actor ON audit_log (actor_id, occurred_at);
        """);

    /// <summary>Records a read of one record (or of none: <paramref name="recordId"/> null) in the read's transaction.</summary>
    public async Task<AuditEntry> RecordAsync(NpgsqlTransaction transaction, Caller caller, string action, string? recordId, AuditOutcome outcome, CancellationToken cancellationToken)
    {
        var entries = await RecordAsync(transaction, caller, action, [recordId], outcome, cancellationToken);
        return entries[0];
    }

    /// <summary>Records a read of many records at once (a page of them), one row each, in the read's transaction.</summary>
    public async Task<IReadOnlyList<AuditEntry>> RecordAsync(NpgsqlTransaction transaction, Caller caller, string action, IReadOnlyList<string?> recordIds, AuditOutcome outcome, CancellationToken cancellationToken)
    {
        var occurredAt = time.GetUtcNow();
        var entries = recordIds.Select(recordId => new AuditEntry(NewGuids.OrderedBy(occurredAt), occurredAt, caller, action, recordId, outcome)).ToList();
        if (entries.Count == 0)
        {
            return entries;
        }
        await using var command = new NpgsqlCommand("""
            INSERT INTO audit_log (id, occurred_at, actor_id, actor_name, agency_id, roles, action, record_id, outcome)
            SELECT r.id, $2, $3, $4, $5, $6, $7, r.record_id, $8
            FROM unnest($1::uuid[], $9::text[]) AS r(id, record_id)
            """, transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = entries.Select(e => e.Id).ToArray() });
        command.Parameters.Add(new() { Value = occurredAt });
        command.Parameters.Add(new() { Value = caller.Id });
        command.Parameters.Add(new() { Value = caller.Name });
        command.Parameters.Add(new() { Value = (object?)caller.AgencyId ?? DBNull.Value, DataTypeName = "text" });
        command.Parameters.Add(new() { Value = caller.Roles.ToArray() });
        command.Parameters.Add(new() { Value = action });
        command.Parameters.Add(new() { Value = OutcomeCode(outcome) });
        command.Parameters.Add(new() { Value = entries.Select(e => e.RecordId).ToArray(), DataTypeName = "text[]" });
        await command.ExecuteNonQueryAsync(cancellationToken);
        return entries;
    }

    /// <summary>Records a call on a connection of its own: a denial, or a read that holds no transaction (a stream's opening).</summary>
    public async Task<AuditEntry> RecordAsync(Caller caller, string action, string? recordId, AuditOutcome outcome, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var entry = await RecordAsync(transaction, caller, action, recordId, outcome, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return entry;
    }

    /// <summary>Records a read of many records at once, one row each, on a connection of its own (a page read outside a transaction).</summary>
    public async Task<IReadOnlyList<AuditEntry>> RecordAsync(Caller caller, string action, IReadOnlyList<string?> recordIds, AuditOutcome outcome, CancellationToken cancellationToken)
    {
        if (recordIds.Count == 0)
        {
            return [];
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var entries = await RecordAsync(transaction, caller, action, recordIds, outcome, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return entries;
    }

    /// <summary>Records this call's read of <paramref name="recordId"/> by its caller, in the read's transaction.</summary>
    public Task<AuditEntry> RecordAsync(NpgsqlTransaction transaction, ServerCallContext context, string? recordId, AuditOutcome outcome) =>
        RecordAsync(transaction, context.GetCaller(), context.Method, recordId, outcome, context.CancellationToken);

    /// <summary>Records this call's read of <paramref name="recordId"/> by its caller, on a connection of its own.</summary>
    public Task<AuditEntry> RecordAsync(ServerCallContext context, string? recordId, AuditOutcome outcome) =>
        RecordAsync(context.GetCaller(), context.Method, recordId, outcome, context.CancellationToken);

    public static string OutcomeCode(AuditOutcome outcome) => outcome switch
    {
        AuditOutcome.Allowed => "allowed",
        AuditOutcome.Denied => "denied",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };
}
