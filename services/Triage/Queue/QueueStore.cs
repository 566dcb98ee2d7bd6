using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Mash.ServiceDefaults;
using Mash.Triage.Risk;
using Npgsql;
using NpgsqlTypes;

namespace Mash.Triage.Queue;

/// <summary>The queue, its rating history and its decisions in Triage's own database.</summary>
internal sealed class QueueStore(NpgsqlDataSource database, RagScheme scheme)
{
    private const string SelectEntries = """
        SELECT q.contact_id, q.agency_id, q.contact_type, q.presenting_issues, q.received_at, q.rag,
               d.threshold_met, d.practitioner_id, d.rationale, d.decided_at,
               q.pathway, q.due_at, q.claimed_by, q.claimed_at, q.rated_at, d.rag
        FROM queue_items q LEFT JOIN threshold_decisions d ON d.contact_id = q.contact_id
        """;

    /// <summary>
    /// Adds contacts to the queue in one statement; a contact already there, or twice in the list, keeps
    /// its first entry, as if they were added one after another. Each is due by the unrated target.
    /// </summary>
    public async Task AddAsync(NpgsqlTransaction transaction, IReadOnlyList<QueueEntry> entries, CancellationToken cancellationToken)
    {
        // Each entry's presenting issues travel as a JSON array: PostgreSQL has no arrays of arrays of differing lengths.
        await using var command = new NpgsqlCommand("""
            INSERT INTO queue_items (contact_id, agency_id, contact_type, presenting_issues, received_at, pathway, due_at)
            SELECT e.contact_id, e.agency_id, e.contact_type, ARRAY(SELECT jsonb_array_elements_text(e.presenting_issues)), e.received_at,
                   e.pathway, e.received_at + $7
            FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::timestamptz[], $6::text[]) WITH ORDINALITY
                AS e(contact_id, agency_id, contact_type, presenting_issues, received_at, pathway, n)
            ORDER BY e.n
            ON CONFLICT (contact_id) DO NOTHING
            """, transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = entries.Select(e => e.ContactId).ToArray() });
        command.Parameters.Add(new() { Value = entries.Select(e => e.AgencyId).ToArray() });
        command.Parameters.Add(new() { Value = entries.Select(e => e.ContactType).ToArray() });
        command.Parameters.Add(new() { Value = entries.Select(e => JsonSerializer.Serialize(e.PresentingIssues)).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        command.Parameters.Add(new() { Value = entries.Select(e => e.ReceivedAt.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = entries.Select(e => e.Pathway.ToString()).ToArray() });
        command.Parameters.Add(new() { Value = scheme.Timing.Unrated });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The contact, locked until the transaction ends so concurrent changes to it take turns.</summary>
    public async Task<QueueEntry?> FindForUpdateAsync(NpgsqlTransaction transaction, string contactId, CancellationToken cancellationToken)
    {
        // Lock first, read after, in two statements: under READ COMMITTED a statement that waited for
        // the lock would still see the joined decision table as it was before the wait.
        await using (var lockRow = new NpgsqlCommand("SELECT 1 FROM queue_items WHERE contact_id = $1 FOR UPDATE", transaction.Connection, transaction))
        {
            lockRow.Parameters.Add(new() { Value = contactId });
            if (await lockRow.ExecuteScalarAsync(cancellationToken) is null)
            {
                return null;
            }
        }
        await using var command = new NpgsqlCommand($"{SelectEntries} WHERE q.contact_id = $1", transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = contactId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? QueueEntryReader.Read(reader) : null;
    }

    /// <summary>
    /// The contacts Triage has heard of among <paramref name="contactIds"/>, locked until the transaction
    /// ends, in contact id order, so transactions locking some of the same contacts wait rather than deadlock.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, QueueEntry>> FindForUpdateAsync(NpgsqlTransaction transaction, IReadOnlyCollection<string> contactIds, CancellationToken cancellationToken)
    {
        var ids = contactIds.ToArray();
        // Lock first, read after, as the one-contact FindForUpdateAsync does, and for its reason.
        await using (var lockRows = new NpgsqlCommand("SELECT 1 FROM queue_items WHERE contact_id = ANY($1) ORDER BY contact_id FOR UPDATE", transaction.Connection, transaction))
        {
            lockRows.Parameters.Add(new() { Value = ids });
            await lockRows.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var command = new NpgsqlCommand($"{SelectEntries} WHERE q.contact_id = ANY($1)", transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = ids });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new Dictionary<string, QueueEntry>(ids.Length, StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var entry = QueueEntryReader.Read(reader);
            entries[entry.ContactId] = entry;
        }
        return entries;
    }

    /// <summary>The contact as it stands, without locking it; null when Triage has never heard of it.</summary>
    public async Task<QueueEntry?> FindAsync(string contactId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"{SelectEntries} WHERE q.contact_id = $1");
        command.Parameters.Add(new() { Value = contactId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? QueueEntryReader.Read(reader) : null;
    }

    /// <summary>
    /// A page of undecided contacts, soonest due first (then by contact id, so the order is total
    /// and a page token is a position in it). Only the filters asked for become SQL, so each shape
    /// of query walks the partial index on (due_at, contact_id) of undecided contacts.
    /// </summary>
    public async Task<QueuePage> ListUndecidedAsync(QueuePageRequest page, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder($"{SelectEntries} WHERE q.decided_at IS NULL");
        await using var command = database.CreateCommand();
        string Parameter(object value, NpgsqlDbType? type = null)
        {
            var parameter = type is { } t ? new NpgsqlParameter { Value = value, NpgsqlDbType = t } : new NpgsqlParameter { Value = value };
            command.Parameters.Add(parameter);
            return $"${command.Parameters.Count}";
        }
        if (page.After is { } after)
        {
            sql.Append($" AND (q.due_at, q.contact_id) > ({Parameter(after.DueAt.UtcDateTime, NpgsqlDbType.TimestampTz)}, {Parameter(after.ContactId)})");
        }
        var filter = page.Filter;
        if (filter.Rags.Count > 0)
        {
            var rated = filter.Rags.Where(r => r != Mash.Contracts.Common.V1.Rag.Unspecified).Select(r => r.ToString()).ToArray();
            var unrated = filter.Rags.Contains(Mash.Contracts.Common.V1.Rag.Unspecified);
            sql.Append($" AND (q.rag = ANY({Parameter(rated)}){(unrated ? " OR q.rag IS NULL" : "")})");
        }
        if (filter.AgencyIds.Count > 0)
        {
            sql.Append($" AND q.agency_id = ANY({Parameter(filter.AgencyIds.ToArray())})");
        }
        if (filter.Pathways.Count > 0)
        {
            sql.Append($" AND q.pathway = ANY({Parameter(filter.Pathways.Select(p => p.ToString()).ToArray())})");
        }
        if (filter.ContactTypes.Count > 0)
        {
            sql.Append($" AND q.contact_type = ANY({Parameter(filter.ContactTypes.ToArray())})");
        }
        if (filter.MinAge is { } minAge)
        {
            sql.Append($" AND q.received_at <= {Parameter((page.AsOf - minAge).UtcDateTime, NpgsqlDbType.TimestampTz)}");
        }
        if (filter.MaxAge is { } maxAge)
        {
            sql.Append($" AND q.received_at >= {Parameter((page.AsOf - maxAge).UtcDateTime, NpgsqlDbType.TimestampTz)}");
        }
        if (filter.DueSoon)
        {
            sql.Append($" AND q.due_at <= {Parameter((page.AsOf + scheme.Timing.DueSoon).UtcDateTime, NpgsqlDbType.TimestampTz)}");
        }
        // One more than the page: whether another page follows, without counting the queue.
        sql.Append($" ORDER BY q.due_at, q.contact_id LIMIT {Parameter(page.PageSize + 1)}");
        command.CommandText = sql.ToString();

        var entries = new List<QueueEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(QueueEntryReader.Read(reader));
        }
        if (entries.Count <= page.PageSize)
        {
            return new QueuePage(entries, Next: null);
        }
        entries.RemoveAt(page.PageSize);
        var last = entries[^1];
        return new QueuePage(entries, new QueuePosition(last.DueAt!.Value, last.ContactId));
    }

    /// <summary>
    /// Writes a transaction's allowed changes in one round trip, a statement a kind: each rating kept
    /// in the history and made its contact's current RAG, due by its target; each decision recorded,
    /// its contact out of the undecided queue and out of anyone's claim; their events in the outbox.
    /// </summary>
    public static async Task WriteAsync(NpgsqlTransaction transaction, ScreeningWrites writes, IReadOnlyList<IMessage> events, DateTimeOffset recordedAt, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(transaction.Connection, transaction);
        if (writes.Ratings.Count > 0)
        {
            batch.BatchCommands.Add(ScreeningWriteCommands.AddRatings(writes.Ratings));
            batch.BatchCommands.Add(ScreeningWriteCommands.SetRags(writes.Ratings));
        }
        if (writes.Decisions.Count > 0)
        {
            batch.BatchCommands.Add(ScreeningWriteCommands.AddDecisions(writes.Decisions, recordedAt));
            batch.BatchCommands.Add(ScreeningWriteCommands.SetDecided(writes.Decisions));
        }
        batch.BatchCommands.Add(EventOutbox.AddRangeCommand(events));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Sets (or, with null, clears) who has claimed the contact.</summary>
    public async Task SetClaimAsync(NpgsqlTransaction transaction, string contactId, Claim? claim, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("UPDATE queue_items SET claimed_by = $2, claimed_at = $3 WHERE contact_id = $1", transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = contactId });
        command.Parameters.Add(new() { Value = (object?)claim?.ClaimedBy ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)claim?.ClaimedAt.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
