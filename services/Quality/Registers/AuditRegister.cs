using Npgsql;

namespace Mash.Quality.Registers;

/// <summary>Q1 and Q2: the audits, stored once per request id.</summary>
internal sealed class AuditRegister(NpgsqlDataSource dataSource)
{
    public async Task<Guid> RecordAsync(Guid requestId, QualityAuditRecord audit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await RegisterSql.InsertOnceAsync(connection, null, """
            INSERT INTO quality_audits (id, request_id, kind, agency_id, audited_on, grade, consent, findings, contact_id, recorded_by, recorded_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            ON CONFLICT (request_id) DO UPDATE SET request_id = EXCLUDED.request_id
            RETURNING id
            """,
            [audit.Id, requestId, audit.Kind, audit.AgencyId, audit.AuditedOn, audit.Grade, audit.Consent, audit.Findings, audit.ContactId, audit.RecordedBy, now.UtcDateTime],
            cancellationToken);
    }

    /// <summary>
    /// Newest first; <paramref name="kind"/> and <paramref name="agencyId"/> null for any. The page is
    /// handed to <paramref name="recordRead"/> in the read's transaction, so its audit rows commit with it.
    /// </summary>
    public async Task<IReadOnlyList<QualityAuditRecord>> ListAsync(
        string? kind, string? agencyId, DayRange days, Func<NpgsqlTransaction, IReadOnlyList<QualityAuditRecord>, Task> recordRead, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var audits = await ReadAsync(transaction, kind, agencyId, days, cancellationToken);
        await recordRead(transaction, audits);
        await transaction.CommitAsync(cancellationToken);
        return audits;
    }

    private static async Task<IReadOnlyList<QualityAuditRecord>> ReadAsync(NpgsqlTransaction transaction, string? kind, string? agencyId, DayRange days, CancellationToken cancellationToken)
    {
        await using var command = RegisterSql.Command(transaction.Connection!, transaction, """
            SELECT id, kind, agency_id, audited_on, grade, consent, findings, contact_id, recorded_by FROM quality_audits
            WHERE ($1::text IS NULL OR kind = $1) AND ($2::text IS NULL OR agency_id = $2)
              AND ($3::date IS NULL OR audited_on >= $3) AND ($4::date IS NULL OR audited_on < $4)
            ORDER BY audited_on DESC, id DESC LIMIT $5
            """, kind, agencyId, days.From, days.To, days.Limit);
        command.Parameters[0].DataTypeName = command.Parameters[1].DataTypeName = "text";
        command.Parameters[2].DataTypeName = command.Parameters[3].DataTypeName = "date";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var audits = new List<QualityAuditRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            audits.Add(new(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateOnly>(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6), RegisterSql.Nullable<Guid>(reader, 7), reader.GetString(8)));
        }
        return audits;
    }
}
