using Npgsql;

namespace Mash.Timeliness.Facts;

/// <summary>Contacts' incidents in Timeliness's own database.</summary>
internal static class IncidentStore
{
    /// <summary>Records a batch of incidents in one statement; a contact is received once, so its first incident stands.</summary>
    public static async Task RecordAsync(NpgsqlTransaction transaction, IReadOnlyList<IncidentFact?> facts, CancellationToken cancellationToken)
    {
        IncidentFact[] incidents = [.. facts.OfType<IncidentFact>()];
        if (incidents.Length == 0)
        {
            return;
        }
        await using var command = new NpgsqlCommand("""
            INSERT INTO contact_incidents (contact_id, incident_at, agency_id)
            SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::text[])
            ORDER BY 1
            ON CONFLICT (contact_id) DO NOTHING
            """, transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = incidents.Select(f => f.ContactId).ToArray() });
        command.Parameters.Add(new() { Value = incidents.Select(f => f.IncidentAt.UtcDateTime).ToArray() });
        command.Parameters.Add(new() { Value = incidents.Select(f => f.AgencyId).ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
