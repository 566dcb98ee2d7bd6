using Mash.Outcomes.Postgres;
using Npgsql;

namespace Mash.Outcomes.Recording;

/// <summary>The outcomes table (the outcome in force per contact) and outcome_revisions (every outcome each has had).</summary>
internal sealed class OutcomeStore
{
    public async Task<RecordedOutcome?> FindAsync(NpgsqlTransaction transaction, string contactId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT o.case_ref, o.outcome, o.revision, r.practitioner_id, r.reason, r.occurred_at
            FROM outcomes o JOIN outcome_revisions r ON r.contact_id = o.contact_id AND r.revision = o.revision
            WHERE o.contact_id = $1
            """, transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = contactId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new RecordedOutcome(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5))
            : null;
    }

    /// <summary>The first outcome: revision 1, decided at <paramref name="occurredAt"/>.</summary>
    public async Task AddAsync(
        NpgsqlTransaction transaction, string contactId, string caseRef, string outcome, string practitionerId, DateTimeOffset occurredAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await transaction.ExecuteAsync("""
            INSERT INTO outcomes (contact_id, case_ref, outcome, practitioner_id, occurred_at, recorded_at, revision)
            VALUES ($1, $2, $3, $4, $5, $6, 1)
            """, cancellationToken, contactId, caseRef, outcome, practitionerId, occurredAt.UtcDateTime, now.UtcDateTime);
        await AddRevisionAsync(transaction, contactId, new OutcomeRevision(1, outcome, "", practitionerId, "", occurredAt, now), cancellationToken);
    }

    /// <summary>A correction: the next revision, and the outcome in force becomes it.</summary>
    public async Task CorrectAsync(NpgsqlTransaction transaction, string contactId, OutcomeRevision revision, CancellationToken cancellationToken)
    {
        await transaction.ExecuteAsync("""
            UPDATE outcomes SET outcome = $2, practitioner_id = $3, occurred_at = $4, recorded_at = $5, revision = $6 WHERE contact_id = $1
            """, cancellationToken, contactId, revision.Outcome, revision.PractitionerId, revision.OccurredAt.UtcDateTime, revision.RecordedAt.UtcDateTime, revision.Number);
        await AddRevisionAsync(transaction, contactId, revision, cancellationToken);
    }

    /// <summary>O6: the gaps found, recorded with the first outcome.</summary>
    public Task AddGapsAsync(NpgsqlTransaction transaction, string contactId, IEnumerable<string> gaps, CancellationToken cancellationToken) =>
        transaction.ExecuteAsync("""
            INSERT INTO outcome_gaps (contact_id, gap) SELECT $1, g FROM unnest($2::text[]) AS g ON CONFLICT DO NOTHING
            """, cancellationToken, contactId, gaps.ToArray());

    /// <summary>O6: the gaps found with a contact's outcome, so a correction's feed item carries them as the outcome did.</summary>
    public Task<IReadOnlyList<string>> GapsAsync(NpgsqlTransaction transaction, string contactId, CancellationToken cancellationToken) =>
        transaction.ReadStringsAsync("SELECT gap FROM outcome_gaps WHERE contact_id = $1 ORDER BY gap", cancellationToken, contactId);

    private static Task AddRevisionAsync(NpgsqlTransaction transaction, string contactId, OutcomeRevision revision, CancellationToken cancellationToken) =>
        transaction.ExecuteAsync("""
            INSERT INTO outcome_revisions (contact_id, revision, outcome, previous_outcome, practitioner_id, reason, occurred_at, recorded_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            """, cancellationToken, contactId, revision.Number, revision.Outcome, revision.PreviousOutcome, revision.PractitionerId, revision.Reason,
            revision.OccurredAt.UtcDateTime, revision.RecordedAt.UtcDateTime);
}
