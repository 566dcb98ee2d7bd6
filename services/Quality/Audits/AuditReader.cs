using Npgsql;

namespace Mash.Quality.Audits;

/// <summary>Reads audits whole: the proposal, its steps in order, its action plan.</summary>
internal sealed class AuditReader(NpgsqlDataSource dataSource)
{
    public async Task<Audit?> GetAsync(Guid auditId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await ReadAsync(connection, null, "WHERE audit_id = $1", [auditId], cancellationToken)).SingleOrDefault();
    }

    /// <summary>Every audit, or those at <paramref name="stage"/>, in the order they were proposed.</summary>
    public async Task<IReadOnlyList<Audit>> ListAsync(AuditStage? stage, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return stage is { } only
            ? await ReadAsync(connection, null, "WHERE stage = $1", [Definitions.IndicatorWords.Of(AuditWords.Stages, only)], cancellationToken)
            : await ReadAsync(connection, null, "", [], cancellationToken);
    }

    /// <summary>The audit in <paramref name="transaction"/>, its row locked for the step being taken.</summary>
    public static async Task<Audit?> LockAsync(NpgsqlTransaction transaction, Guid auditId, CancellationToken cancellationToken) =>
        (await ReadAsync(transaction.Connection!, transaction, "WHERE audit_id = $1", [auditId], cancellationToken, forUpdate: true)).SingleOrDefault();

    private static async Task<IReadOnlyList<Audit>> ReadAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string where, object[] parameters, CancellationToken cancellationToken, bool forUpdate = false)
    {
        // Proposal order: each page of the register reads as the audit group's schedule does.
        var audits = new List<(Guid Id, string Focus, string Rationale, string Lead, AuditStage Stage, RaisedBy? RaisedBy)>();
        await using (var command = new NpgsqlCommand($"""
            SELECT audit_id, focus, rationale, lead_auditor, stage, raised_by_rule, indicator, period_label, reason
            FROM audits {where} ORDER BY proposed_at, audit_id {(forUpdate ? "FOR UPDATE" : "")}
            """, connection, transaction))
        {
            foreach (var parameter in parameters)
            {
                command.Parameters.Add(new() { Value = parameter });
            }
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                audits.Add((reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), AuditWords.Stages[reader.GetString(4)],
                    reader.IsDBNull(5) ? null : new RaisedBy(reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetString(8))));
            }
        }
        var ids = audits.Select(a => a.Id).ToArray();
        var steps = await StepsAsync(connection, transaction, ids, cancellationToken);
        var actions = await ActionsAsync(connection, transaction, ids, cancellationToken);
        return [.. audits.Select(a => new Audit(a.Id, a.Focus, a.Rationale, a.Lead, a.Stage, a.RaisedBy,
            steps.GetValueOrDefault(a.Id, []), actions.GetValueOrDefault(a.Id, [])))];
    }

    private static async Task<Dictionary<Guid, List<AuditStep>>> StepsAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid[] ids, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT audit_id, number, stage, text, detail, actor_id, actor_name, at FROM audit_steps WHERE audit_id = ANY($1) ORDER BY audit_id, number",
            connection, transaction);
        command.Parameters.Add(new() { Value = ids });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var steps = new Dictionary<Guid, List<AuditStep>>();
        while (await reader.ReadAsync(cancellationToken))
        {
            steps.TryAdd(reader.GetGuid(0), []);
            steps[reader.GetGuid(0)].Add(new AuditStep(reader.GetInt32(1), AuditWords.Stages[reader.GetString(2)], reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.GetFieldValue<DateTimeOffset>(7)));
        }
        return steps;
    }

    private static async Task<Dictionary<Guid, List<AuditAction>>> ActionsAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid[] ids, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT audit_id, number, action, owner, target_date, rag, evidence, completed_on FROM audit_actions WHERE audit_id = ANY($1) ORDER BY audit_id, number",
            connection, transaction);
        command.Parameters.Add(new() { Value = ids });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var actions = new Dictionary<Guid, List<AuditAction>>();
        while (await reader.ReadAsync(cancellationToken))
        {
            actions.TryAdd(reader.GetGuid(0), []);
            actions[reader.GetGuid(0)].Add(new AuditAction(reader.GetInt32(1), reader.GetString(2), reader.GetString(3), reader.GetFieldValue<DateOnly>(4),
                AuditWords.Rags[reader.GetString(5)], reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetFieldValue<DateOnly>(7)));
        }
        return actions;
    }
}
