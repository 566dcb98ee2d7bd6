using Mash.Quality.Definitions;
using Mash.ServiceDefaults;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Mash.Quality.Audits;

/// <summary>
/// Takes an audit through its lifecycle, each step in a transaction holding the audit's row, so two
/// replicas cannot both decide it; a request id seen before answers with the audit as it stands and
/// records nothing more. A refused step rolls back, changing nothing.
/// </summary>
internal sealed class AuditStore(NpgsqlDataSource dataSource, IOptions<AuditOptions> options, TimeProvider time)
{
    public async Task<Audit> ProposeAsync(Guid requestId, string focus, string rationale, string leadAuditor, Caller by, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var insert = new NpgsqlCommand("""
            WITH proposed AS (
                INSERT INTO audits (audit_id, request_id, focus, rationale, lead_auditor, stage, proposed_at)
                VALUES ($1, $2, $3, $4, $5, 'proposed', $6)
                ON CONFLICT (request_id) DO NOTHING
                RETURNING audit_id)
            INSERT INTO audit_steps (audit_id, number, stage, text, actor_id, actor_name, at)
            SELECT audit_id, 1, 'proposed', $3, $7, $8, $6 FROM proposed
            """, connection, transaction);
        foreach (var value in new object[] { NewGuids.OrderedBy(now), requestId, focus, rationale, leadAuditor, now, by.Id, by.Name })
        {
            insert.Parameters.Add(new() { Value = value });
        }
        await insert.ExecuteNonQueryAsync(cancellationToken);
        var audit = await AuditReader.LockAsync(transaction, await AuditIdOfAsync(transaction, "audits", requestId, cancellationToken) ?? Guid.Empty, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return audit!;
    }

    /// <summary>A challenge, a decision or the report: the next step, if the lifecycle allows it from where the audit is.</summary>
    public async Task<AuditResult> StepAsync(Guid requestId, Guid auditId, AuditStage to, string text, string detail, Caller by, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await AuditReader.LockAsync(transaction, auditId, cancellationToken) is not { } audit)
        {
            return new AuditResult.NotFound($"No audit {auditId}.");
        }
        if (await AuditIdOfAsync(transaction, "audit_steps", requestId, cancellationToken) is not null)
        {
            return new AuditResult.Done(audit);
        }
        if (AuditLifecycle.CanMove(audit.Stage, to, options.Value.ChallengeBeforeApproval) is { } refusal)
        {
            return new AuditResult.Refused(refusal);
        }
        await using var insert = new NpgsqlCommand("""
            WITH step AS (
                INSERT INTO audit_steps (audit_id, number, request_id, stage, text, detail, actor_id, actor_name, at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9))
            UPDATE audits SET stage = $4 WHERE audit_id = $1
            """, connection, transaction);
        foreach (var value in new object[]
        {
            auditId, audit.Steps.Count + 1, requestId, IndicatorWords.Of(AuditWords.Stages, to), text, detail, by.Id, by.Name, time.GetUtcNow(),
        })
        {
            insert.Parameters.Add(new() { Value = value });
        }
        await insert.ExecuteNonQueryAsync(cancellationToken);
        return await DoneAsync(transaction, auditId, cancellationToken);
    }

    public async Task<AuditResult> AddActionAsync(NewAuditAction action, Caller by, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await AuditReader.LockAsync(transaction, action.AuditId, cancellationToken) is not { } audit)
        {
            return new AuditResult.NotFound($"No audit {action.AuditId}.");
        }
        if (await AuditIdOfAsync(transaction, "audit_actions", action.RequestId, cancellationToken) is not null)
        {
            return new AuditResult.Done(audit);
        }
        if (AuditLifecycle.ActionsNeedAReport(audit.Stage) is { } refusal)
        {
            return new AuditResult.Refused(refusal);
        }
        await using var insert = new NpgsqlCommand("""
            INSERT INTO audit_actions (audit_id, number, request_id, action, owner, target_date, rag, updated_by, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            """, connection, transaction);
        foreach (var value in new object[]
        {
            action.AuditId, audit.Actions.Count + 1, action.RequestId, action.Action, action.Owner, action.TargetDate,
            IndicatorWords.Of(AuditWords.Rags, action.Rag), by.Id, time.GetUtcNow(),
        })
        {
            insert.Parameters.Add(new() { Value = value });
        }
        await insert.ExecuteNonQueryAsync(cancellationToken);
        return await DoneAsync(transaction, action.AuditId, cancellationToken);
    }

    public async Task<AuditResult> UpdateActionAsync(AuditActionUpdate update, Caller by, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await AuditReader.LockAsync(transaction, update.AuditId, cancellationToken) is not { } audit)
        {
            return new AuditResult.NotFound($"No audit {update.AuditId}.");
        }
        // A retry after a later update must not put the older values back.
        if (await AuditIdOfAsync(transaction, "audit_action_updates", update.RequestId, cancellationToken) is not null)
        {
            return new AuditResult.Done(audit);
        }
        if (audit.Actions.All(a => a.Number != update.Number))
        {
            return new AuditResult.NotFound($"Audit {update.AuditId} has no action {update.Number}.");
        }
        await using var command = new NpgsqlCommand("""
            WITH updated AS (
                UPDATE audit_actions SET rag = $4, evidence = $5, completed_on = $6, updated_by = $7, updated_at = $9
                WHERE audit_id = $2 AND number = $3)
            INSERT INTO audit_action_updates (request_id, audit_id, number, rag, evidence, completed_on, actor_id, actor_name, at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            """, connection, transaction);
        foreach (var value in new object[]
        {
            update.RequestId, update.AuditId, update.Number, IndicatorWords.Of(AuditWords.Rags, update.Rag), update.Evidence,
            update.CompletedOn is { } completed ? completed : DBNull.Value, by.Id, by.Name, time.GetUtcNow(),
        })
        {
            command.Parameters.Add(new() { Value = value });
        }
        command.Parameters[5].DataTypeName = "date";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return await DoneAsync(transaction, update.AuditId, cancellationToken);
    }

    private static async Task<AuditResult> DoneAsync(NpgsqlTransaction transaction, Guid auditId, CancellationToken cancellationToken)
    {
        var audit = await AuditReader.LockAsync(transaction, auditId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new AuditResult.Done(audit!);
    }

    // The audit a request id already did something to, in table (a constant, never the caller's).
    private static async Task<Guid?> AuditIdOfAsync(NpgsqlTransaction transaction, string table, Guid requestId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT audit_id FROM {table} WHERE request_id = $1", transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = requestId });
        return await command.ExecuteScalarAsync(cancellationToken) as Guid?;
    }
}
