using Mash.Outcomes.Postgres;
using Npgsql;

namespace Mash.Outcomes.Recording;

/// <summary>The outcomes table (the outcome in force per contact) and outcome_revisions (every outcome each has had).</summary>
internal sealed class OutcomeStore
{
    public async Task<RecordedOutcome?> FindAsync(NpgsqlTransaction transaction, string contactId, CancellationToken cancellationToken) =>
        (await FindAsync(transaction, [contactId], cancellationToken)).GetValueOrDefault(contactId);

    /// <summary>The outcome in force of each of those contacts that has one.</summary>
    public async Task<IReadOnlyDictionary<string, RecordedOutcome>> FindAsync(NpgsqlTransaction transaction, IReadOnlyCollection<string> contactIds, CancellationToken cancellationToken)
    {
        var found = await transaction.ReadAsync("""
            SELECT o.contact_id, o.case_ref, o.outcome, o.revision, r.practitioner_id, r.reason, r.occurred_at
            FROM outcomes o JOIN outcome_revisions r ON r.contact_id = o.contact_id AND r.revision = o.revision
            WHERE o.contact_id = ANY($1)
            """, row => (ContactId: row.GetString(0), Outcome: new RecordedOutcome(
                row.GetString(1), row.GetString(2), row.GetInt32(3), row.GetString(4), row.GetString(5), row.GetFieldValue<DateTimeOffset>(6))),
            cancellationToken, TransactionExtensions.Texts(contactIds));
        return found.ToDictionary(f => f.ContactId, f => f.Outcome, StringComparer.Ordinal);
    }

    /// <summary>
    /// First outcomes (revision 1, each decided at its occurred_at) with their gaps found (O6): a statement a table,
    /// for the caller's batch, however many outcomes.
    /// </summary>
    public static IEnumerable<NpgsqlBatchCommand> AddCommands(IReadOnlyList<OutcomeToRecord> added)
    {
        // Each command its own parameters: a parameter belongs to one command.
        object[] Columns() =>
        [
            added.Select(a => a.ContactId).ToArray(), added.Select(a => a.Outcome.Code).ToArray(), added.Select(a => a.PractitionerId).ToArray(),
            TransactionExtensions.Instants(added.Select(a => a.OccurredAt.UtcDateTime)), TransactionExtensions.Instants(added.Select(a => a.RecordedAt.UtcDateTime)),
        ];
        yield return TransactionExtensions.Command("""
            INSERT INTO outcomes (contact_id, case_ref, outcome, practitioner_id, occurred_at, recorded_at, revision)
            SELECT o.contact_id, o.case_ref, o.outcome, o.practitioner_id, o.occurred_at, o.recorded_at, 1
            FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::text[])
                AS o(contact_id, outcome, practitioner_id, occurred_at, recorded_at, case_ref)
            """, [.. Columns(), added.Select(a => a.CaseRef).ToArray()]);
        yield return TransactionExtensions.Command("""
            INSERT INTO outcome_revisions (contact_id, revision, outcome, previous_outcome, practitioner_id, reason, occurred_at, recorded_at)
            SELECT o.contact_id, 1, o.outcome, '', o.practitioner_id, '', o.occurred_at, o.recorded_at
            FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[]) AS o(contact_id, outcome, practitioner_id, occurred_at, recorded_at)
            """, Columns());
        (string ContactId, string Gap)[] gaps = [.. added.SelectMany(a => a.Outcome.Gaps.Select(g => (a.ContactId, g)))];
        if (gaps.Length > 0)
        {
            yield return TransactionExtensions.Command("""
                INSERT INTO outcome_gaps (contact_id, gap) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING
                """, gaps.Select(g => g.ContactId).ToArray(), gaps.Select(g => g.Gap).ToArray());
        }
    }

    /// <summary>A correction: the next revision, and the outcome in force becomes it.</summary>
    public async Task CorrectAsync(NpgsqlTransaction transaction, string contactId, OutcomeRevision revision, CancellationToken cancellationToken)
    {
        await transaction.ExecuteAsync("""
            UPDATE outcomes SET outcome = $2, practitioner_id = $3, occurred_at = $4, recorded_at = $5, revision = $6 WHERE contact_id = $1
            """, cancellationToken, contactId, revision.Outcome, revision.PractitionerId, revision.OccurredAt.UtcDateTime, revision.RecordedAt.UtcDateTime, revision.Number);
        await AddRevisionAsync(transaction, contactId, revision, cancellationToken);
    }

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
