using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Mash.Triage.Queue;

/// <summary>The queue, its rating history and its decisions in Triage's own database.</summary>
internal sealed class QueueStore(NpgsqlDataSource database)
{
    private const string SelectEntries = """
        SELECT q.contact_id, q.agency_id, q.contact_type, q.presenting_issues, q.received_at, q.rag,
               d.threshold_met, d.practitioner_id, d.rationale, d.decided_at
        FROM queue_items q LEFT JOIN threshold_decisions d ON d.contact_id = q.contact_id
        """;

    /// <summary>
    /// Adds contacts to the queue in one statement; a contact already there, or twice in the list, keeps
    /// its first entry, as if they were added one after another.
    /// </summary>
    public async Task AddAsync(NpgsqlTransaction transaction, IReadOnlyList<QueueEntry> entries, CancellationToken cancellationToken)
    {
        // Each entry's presenting issues travel as a JSON array: PostgreSQL has no arrays of arrays of differing lengths.
        await using var command = new NpgsqlCommand("""
            INSERT INTO queue_items (contact_id, agency_id, contact_type, presenting_issues, received_at)
            SELECT e.contact_id, e.agency_id, e.contact_type, ARRAY(SELECT jsonb_array_elements_text(e.presenting_issues)), e.received_at
            FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::timestamptz[]) WITH ORDINALITY
                AS e(contact_id, agency_id, contact_type, presenting_issues, received_at, n)
            ORDER BY e.n
            ON CONFLICT (contact_id) DO NOTHING
            """, transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = entries.Select(e => e.ContactId).ToArray() });
        command.Parameters.Add(new() { Value = entries.Select(e => e.AgencyId).ToArray() });
        command.Parameters.Add(new() { Value = entries.Select(e => e.ContactType).ToArray() });
        command.Parameters.Add(new() { Value = entries.Select(e => JsonSerializer.Serialize(e.PresentingIssues)).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        command.Parameters.Add(new() { Value = entries.Select(e => e.ReceivedAt.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The contact, locked until the transaction ends so concurrent ratings and decisions of it take turns.</summary>
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

    /// <summary>Undecided contacts, oldest first.</summary>
    public async Task<IReadOnlyList<QueueEntry>> ListUndecidedAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"{SelectEntries} WHERE d.contact_id IS NULL ORDER BY q.received_at, q.contact_id LIMIT $1");
        command.Parameters.Add(new() { Value = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<QueueEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(QueueEntryReader.Read(reader));
        }
        return entries;
    }

    /// <summary>Keeps the rating in the history and makes it the contact's current RAG.</summary>
    public async Task AddRatingAsync(NpgsqlTransaction transaction, Rating rating, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(transaction.Connection, transaction)
        {
            BatchCommands =
            {
                new("""
                    INSERT INTO contact_ratings (contact_id, rag, previous_rag, practitioner_id, reason, rated_at)
                    VALUES ($1, $2, $3, $4, $5, $6)
                    """)
                {
                    Parameters =
                    {
                        new() { Value = rating.ContactId },
                        new() { Value = RagColumn.ToColumn(rating.Rag) },
                        new() { Value = RagColumn.ToColumn(rating.PreviousRag) },
                        new() { Value = rating.PractitionerId },
                        new() { Value = rating.Reason },
                        new() { Value = rating.RatedAt.ToUniversalTime() },
                    },
                },
                new("UPDATE queue_items SET rag = $2 WHERE contact_id = $1")
                {
                    Parameters = { new() { Value = rating.ContactId }, new() { Value = RagColumn.ToColumn(rating.Rag) } },
                },
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task AddDecisionAsync(NpgsqlTransaction transaction, string contactId, ThresholdDecision decision, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO threshold_decisions (contact_id, threshold_met, practitioner_id, rationale, decided_at)
            VALUES ($1, $2, $3, $4, $5)
            """, transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = contactId });
        command.Parameters.Add(new() { Value = decision.ThresholdMet });
        command.Parameters.Add(new() { Value = decision.PractitionerId });
        command.Parameters.Add(new() { Value = decision.Rationale });
        command.Parameters.Add(new() { Value = decision.DecidedAt.ToUniversalTime() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
