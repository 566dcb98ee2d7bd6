using Npgsql;
using NpgsqlTypes;

namespace Mash.Timeliness.Clocks;

/// <summary>Clocks in Timeliness's own database.</summary>
internal sealed class ClockStore(NpgsqlDataSource database)
{
    private const string SelectClocks = "SELECT contact_id, started_at, rag, rated_at, due_at, decided_at, within_target, agency_id, incident_at FROM clocks";

    /// <summary>
    /// The contacts' clocks (created empty where no fact has reached one yet), locked until the
    /// transaction ends: facts about one contact arriving together on different queues take turns.
    /// Every batch creates and locks its clocks in the same order (by contact id), so two batches
    /// sharing contacts wait for each other rather than deadlock.
    /// </summary>
    public async Task<Dictionary<string, ClockRecord>> LockAsync(NpgsqlTransaction transaction, IEnumerable<string> contactIds, CancellationToken cancellationToken)
    {
        string[] ids = [.. contactIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        await using (var create = new NpgsqlCommand("""
            INSERT INTO clocks (contact_id) SELECT c.contact_id FROM unnest($1::text[]) WITH ORDINALITY AS c(contact_id, n) ORDER BY c.n
            ON CONFLICT (contact_id) DO NOTHING
            """, transaction.Connection, transaction))
        {
            create.Parameters.Add(new() { Value = ids });
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var select = new NpgsqlCommand($"""{SelectClocks} WHERE contact_id = ANY($1) ORDER BY contact_id COLLATE "C" FOR UPDATE""", transaction.Connection, transaction);
        select.Parameters.Add(new() { Value = ids });
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var clocks = new Dictionary<string, ClockRecord>(ids.Length, StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var clock = ClockRow.Read(reader);
            clocks[clock.ContactId] = clock;
        }
        return clocks.Count == ids.Length ? clocks : throw new InvalidOperationException($"{ids.Length - clocks.Count} of {ids.Length} clocks vanished.");
    }

    /// <summary>A command writing <paramref name="clocks"/> back in one statement, to run in the transaction that locked them.</summary>
    public static NpgsqlBatchCommand SaveCommand(IReadOnlyCollection<ClockRecord> clocks)
    {
        var command = new NpgsqlBatchCommand("""
            UPDATE clocks AS c
            SET started_at = u.started_at, rag = u.rag, rated_at = u.rated_at, due_at = u.due_at, decided_at = u.decided_at, within_target = u.within_target, agency_id = u.agency_id,
                incident_at = u.incident_at
            FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::timestamptz[], $7::boolean[], $8::text[], $9::timestamptz[])
                AS u(contact_id, started_at, rag, rated_at, due_at, decided_at, within_target, agency_id, incident_at)
            WHERE c.contact_id = u.contact_id
            """);
        command.Parameters.Add(new() { Value = clocks.Select(c => c.ContactId).ToArray() });
        command.Parameters.Add(Instants(clocks.Select(c => c.StartedAt)));
        command.Parameters.Add(new() { Value = clocks.Select(c => RagColumn.Name(c.Rag)).ToArray() });
        command.Parameters.Add(Instants(clocks.Select(c => c.RatedAt)));
        command.Parameters.Add(Instants(clocks.Select(c => c.DueAt)));
        command.Parameters.Add(Instants(clocks.Select(c => c.DecidedAt)));
        command.Parameters.Add(new() { Value = clocks.Select(c => c.WithinTarget).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Boolean });
        command.Parameters.Add(new() { Value = clocks.Select(c => c.AgencyId).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(Instants(clocks.Select(c => c.IncidentAt)));
        return command;
    }

    public async Task<ClockRecord?> FindAsync(string contactId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"{SelectClocks} WHERE contact_id = $1");
        command.Parameters.Add(new() { Value = contactId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ClockRow.Read(reader) : null;
    }

    // timestamptz takes UTC only; NULL is a fact not yet known.
    private static NpgsqlParameter Instants(IEnumerable<DateTimeOffset?> instants) =>
        new() { Value = instants.Select(at => at?.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz };
}
