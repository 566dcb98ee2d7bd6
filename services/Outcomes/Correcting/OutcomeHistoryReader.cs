using Mash.Outcomes.Recording;
using Npgsql;

namespace Mash.Outcomes.Correcting;

/// <summary>Reads a contact's outcome history (outcome_revisions), for the practitioners who may see it.</summary>
internal sealed class OutcomeHistoryReader(NpgsqlDataSource dataSource)
{
    /// <summary>The contact's case_ref and every outcome it has had, oldest first; null when it has none.</summary>
    public async Task<(string CaseRef, IReadOnlyList<OutcomeRevision> Revisions)?> ReadAsync(string contactId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT o.case_ref, r.revision, r.outcome, r.previous_outcome, r.practitioner_id, r.reason, r.occurred_at, r.recorded_at
            FROM outcomes o JOIN outcome_revisions r ON r.contact_id = o.contact_id
            WHERE o.contact_id = $1 ORDER BY r.revision
            """);
        command.Parameters.Add(new() { Value = contactId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var caseRef = "";
        var revisions = new List<OutcomeRevision>();
        while (await reader.ReadAsync(cancellationToken))
        {
            caseRef = reader.GetString(0);
            revisions.Add(new OutcomeRevision(reader.GetInt32(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                reader.GetFieldValue<DateTimeOffset>(6), reader.GetFieldValue<DateTimeOffset>(7)));
        }
        return revisions.Count == 0 ? null : (caseRef, revisions);
    }
}
