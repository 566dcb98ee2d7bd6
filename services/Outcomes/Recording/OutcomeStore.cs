using Mash.Outcomes.Postgres;
using Npgsql;

namespace Mash.Outcomes.Recording;

/// <summary>The outcomes table: one outcome per contact.</summary>
internal sealed class OutcomeStore
{
    public async Task<RecordedOutcome?> FindAsync(NpgsqlTransaction transaction, string contactId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT case_ref, outcome FROM outcomes WHERE contact_id = $1", transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = contactId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new RecordedOutcome(reader.GetString(0), reader.GetString(1)) : null;
    }

    public Task AddAsync(NpgsqlTransaction transaction, string contactId, string caseRef, string outcome, string practitionerId, DateTimeOffset now, CancellationToken cancellationToken) =>
        transaction.ExecuteAsync("""
            INSERT INTO outcomes (contact_id, case_ref, outcome, practitioner_id, occurred_at, recorded_at)
            VALUES ($1, $2, $3, $4, $5, $5)
            """, cancellationToken, contactId, caseRef, outcome, practitionerId, now.UtcDateTime);
}
