using Mash.Contracts.Intake.V1;
using Mash.Intake.Contacts;
using Npgsql;

namespace Mash.Intake.Progress;

/// <summary>A contact's status as WatchContact reports it: no personal data, only the status, outcome code and when it changed.</summary>
public sealed record ContactProgressRow(string AgencyId, ContactStatus Status, string? Outcome, DateTimeOffset ChangedAt);

/// <summary>
/// The status columns of <c>contacts</c>. A status only moves forward (RECEIVED &lt; IN_TRIAGE &lt;
/// DECIDED &lt; CLOSED, the enum's own order), so events applied in any order, or again, leave the
/// furthest one: a late lower event changes nothing. Likewise a CLOSED contact's outcome moves only to
/// a later revision (a correction).
/// </summary>
public sealed class ContactProgress(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// A batch's events by contact id. Each consumer's batch updates its contacts' rows in one
    /// transaction; taken in one order, batches applied at once wait for each other rather than deadlock.
    /// Stable, so one contact's events keep their order.
    /// </summary>
    public static IEnumerable<T> InLockOrder<T>(IEnumerable<T> events, Func<T, string> contactIdOf) =>
        events.OrderBy(contactIdOf, StringComparer.Ordinal);

    /// <summary>
    /// Moves the contact to <paramref name="status"/> (with <paramref name="outcome"/>, for CLOSED) if it
    /// is not already there or further; true if it moved. A CLOSED contact takes a later revision of its
    /// outcome (a correction), and only a later one. An unknown contact (or a malformed id) changes nothing.
    /// </summary>
    public static async Task<bool> AdvanceAsync(NpgsqlTransaction transaction, string contactId, ContactStatus status, string? outcome, DateTimeOffset changedAt,
        CancellationToken cancellationToken, int outcomeRevision = 0)
    {
        if (!Guid.TryParse(contactId, out var id))
        {
            return false;
        }
        await using var command = new NpgsqlCommand("""
            UPDATE contacts SET status = $2, status_changed_at = $3, outcome = COALESCE($4, outcome), outcome_revision = GREATEST(outcome_revision, $6)
            WHERE id = $1 AND ((CASE status WHEN 'received' THEN 1 WHEN 'in_triage' THEN 2 WHEN 'decided' THEN 3 WHEN 'closed' THEN 4 ELSE 0 END) < $5
                OR (status = 'closed' AND $2 = 'closed' AND outcome_revision < $6))
            """, transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = ContactStatusCodes.ToCode(status) });
        command.Parameters.Add(new() { Value = changedAt });
        command.Parameters.Add(new() { Value = (object?)outcome ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (int)status });
        // An outcome fed back before events carried revisions is the first.
        command.Parameters.Add(new() { Value = status == ContactStatus.Closed ? Math.Max(outcomeRevision, 1) : 0 });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>The contact's status row, or null if there is no such contact. Not audited: no personal data is read.</summary>
    public async Task<ContactProgressRow?> ReadAsync(Guid contactId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT agency_id, status, outcome, COALESCE(status_changed_at, received_at) FROM contacts WHERE id = $1");
        command.Parameters.Add(new() { Value = contactId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        return new ContactProgressRow(
            reader.GetString(0),
            ContactStatusCodes.FromCode(reader.GetString(1)),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.GetFieldValue<DateTimeOffset>(3));
    }
}
