using EscalationKind = Mash.Contracts.Triage.V1.EscalationKind;
using Mash.Triage.Reporting;
using Npgsql;

namespace Mash.Triage.Escalations;

/// <summary>Escalations and their resolutions in Triage's own database; kind is kept as its enum name.</summary>
internal sealed class EscalationStore(NpgsqlDataSource database)
{
    private const string Select = """
        SELECT escalation_id, contact_id, kind, raised_by_agency, raised_by, about, detail, raised_at,
               resolution, resolved_by, note, resolved_at
        FROM escalations
        """;

    public async Task AddAsync(NpgsqlTransaction transaction, Escalation escalation, DateTimeOffset recordedAt, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO escalations (escalation_id, contact_id, kind, raised_by_agency, raised_by, about, detail, raised_at, recorded_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            """, transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = escalation.EscalationId });
        command.Parameters.Add(new() { Value = escalation.ContactId });
        command.Parameters.Add(new() { Value = escalation.Kind.ToString() });
        command.Parameters.Add(new() { Value = escalation.RaisedByAgency });
        command.Parameters.Add(new() { Value = escalation.RaisedBy });
        command.Parameters.Add(new() { Value = escalation.About });
        command.Parameters.Add(new() { Value = escalation.Detail });
        command.Parameters.Add(new() { Value = escalation.RaisedAt.ToUniversalTime() });
        command.Parameters.Add(new() { Value = recordedAt.ToUniversalTime() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<Escalation?> FindForUpdateAsync(NpgsqlTransaction transaction, Guid escalationId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"{Select} WHERE escalation_id = $1 FOR UPDATE", transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = escalationId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task ResolveAsync(NpgsqlTransaction transaction, Guid escalationId, EscalationResolution resolution, DateTimeOffset recordedAt, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            UPDATE escalations SET resolution = $2, resolved_by = $3, note = $4, resolved_at = $5, resolution_recorded_at = $6
            WHERE escalation_id = $1
            """, transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = escalationId });
        command.Parameters.Add(new() { Value = resolution.Resolution });
        command.Parameters.Add(new() { Value = resolution.ResolvedBy });
        command.Parameters.Add(new() { Value = resolution.Note });
        command.Parameters.Add(new() { Value = resolution.ResolvedAt.ToUniversalTime() });
        command.Parameters.Add(new() { Value = recordedAt.ToUniversalTime() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Escalation>> OfContactAsync(string contactId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"{Select} WHERE contact_id = $1 ORDER BY raised_at, escalation_id");
        command.Parameters.Add(new() { Value = contactId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var escalations = new List<Escalation>();
        while (await reader.ReadAsync(cancellationToken))
        {
            escalations.Add(Read(reader));
        }
        return escalations;
    }

    /// <summary>R4: escalations raised in the window, by period, raising agency, kind and resolution ("" while unresolved).</summary>
    public Task<IReadOnlyList<PeriodCount<EscalationKey>>> CountAsync(CountWindow window, CancellationToken cancellationToken) =>
        Counting.CountAsync(database, $"""
            SELECT {Counting.PeriodOf("raised_at")}, raised_by_agency, kind, coalesce(resolution, ''), count(*)
            FROM escalations
            WHERE raised_at >= $1 AND raised_at < $2
            GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
            """, window, row => new EscalationKey(row.GetString(1), Enum.Parse<EscalationKind>(row.GetString(2)), row.GetString(3)), cancellationToken);

    private static Escalation Read(NpgsqlDataReader row) => new(
        row.GetGuid(0), row.GetString(1), Enum.Parse<EscalationKind>(row.GetString(2)), row.GetString(3), row.GetString(4),
        row.GetString(5), row.GetString(6), row.GetFieldValue<DateTimeOffset>(7),
        row.IsDBNull(8) ? null : new EscalationResolution(row.GetString(8), row.GetString(9), row.GetString(10), row.GetFieldValue<DateTimeOffset>(11)));
}

/// <summary>What escalations are counted by: the raising agency, the kind, the resolution.</summary>
internal sealed record EscalationKey(string AgencyId, EscalationKind Kind, string Resolution);
