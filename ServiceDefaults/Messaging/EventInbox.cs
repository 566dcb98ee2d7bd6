using Npgsql;

namespace Mash.ServiceDefaults;

/// <summary>
/// Idempotent consumers: a consumer records each event id in the same transaction as its effect,
/// so a redelivered event (at-least-once is the norm) changes nothing the second time.
/// </summary>
public static class EventInbox
{
    /// <summary>The processed-events table; list it with the service's own migrations.</summary>
    public static readonly Migration Migration = new(1_000_001, "event_inbox", """
        CREATE TABLE IF NOT EXISTS processed_events (
            consumer     text        NOT NULL,
            event_id     text        NOT NULL,
            processed_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (consumer, event_id)
        );
        """);

    /// <summary>True the first time <paramref name="consumer"/> sees <paramref name="eventId"/>; false for a redelivery.</summary>
    public static async Task<bool> TryRecordAsync(NpgsqlTransaction transaction, string consumer, string eventId, CancellationToken cancellationToken = default)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO processed_events (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING", transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = consumer });
        command.Parameters.Add(new() { Value = eventId });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>
    /// Records a batch of event ids for <paramref name="consumer"/> in one statement and returns those
    /// it had not seen before; an id twice in the batch is recorded, and returned, once.
    /// </summary>
    public static async Task<IReadOnlySet<string>> RecordNewAsync(NpgsqlTransaction transaction, string consumer, IEnumerable<string> eventIds, CancellationToken cancellationToken = default)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO processed_events (consumer, event_id)
            SELECT $1, e.event_id FROM unnest($2::text[]) AS e(event_id)
            ON CONFLICT DO NOTHING
            RETURNING event_id
            """, transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = consumer });
        // In one order, so two batches sharing ids (a redelivery racing the first delivery) wait for each other rather than deadlock.
        command.Parameters.Add(new() { Value = eventIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray() });
        var recorded = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            recorded.Add(reader.GetString(0));
        }
        return recorded;
    }

    /// <summary>
    /// Runs <paramref name="effect"/> unless <paramref name="consumer"/> has already applied
    /// <paramref name="eventId"/>: the inbox record and the effect commit in one transaction, so an
    /// effect that fails leaves the event unrecorded for the retry.
    /// </summary>
    public static async Task ApplyOnceAsync(NpgsqlDataSource dataSource, string consumer, string eventId, Func<NpgsqlTransaction, Task> effect, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (await TryRecordAsync(transaction, consumer, eventId, cancellationToken).ConfigureAwait(false))
        {
            await effect(transaction).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Rows of one event each, for <see cref="ApplyNewAsync{T}"/>: events that did not travel as outbox rows, each recorded under its own id.</summary>
    public static IReadOnlyList<IReadOnlyList<T>> RowsOfOne<T>(IEnumerable<T> events) => [.. events.Select(e => (IReadOnlyList<T>)[e])];

    /// <summary>
    /// The batch form of <see cref="ApplyOnceAsync"/>, for a batch consumer: in one transaction, records
    /// the batch's rows and runs <paramref name="effect"/> on the events of the rows
    /// <paramref name="consumer"/> has not applied before, in the order given, each row once (its first
    /// delivery in the batch). A row is the events one outbox row held (<see cref="EventBatch{T}.RowRanges"/>),
    /// recorded under its first event's id: an event is written in one row only, and a row always
    /// travels whole, so that id names the row wherever it is delivered again (a row of one event: its
    /// own id). An import's rounds then cost the inbox a row per few hundred events, not one each
    /// (BENCHMARKS.md, "Importing a legacy year"). Nothing commits if the effect fails,
    /// so the retry applies them all. Returns the events applied.
    /// </summary>
    public static async Task<IReadOnlyList<T>> ApplyNewAsync<T>(
        NpgsqlDataSource dataSource,
        string consumer,
        IReadOnlyList<IReadOnlyList<T>> rows,
        Func<T, string> eventIdOf,
        Func<NpgsqlTransaction, IReadOnlyList<T>, Task> effect,
        CancellationToken cancellationToken)
    {
        rows = [.. rows.Where(row => row.Count > 0)];
        if (rows.Count == 0)
        {
            return [];
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var unseen = new HashSet<string>(await RecordNewAsync(transaction, consumer, rows.Select(row => eventIdOf(row[0])), cancellationToken).ConfigureAwait(false), StringComparer.Ordinal);
        // Taken out of the set as it is applied, so a second delivery in the same batch is left out.
        List<T> fresh = [.. rows.Where(row => unseen.Remove(eventIdOf(row[0]))).SelectMany(row => row)];
        if (fresh.Count > 0)
        {
            await effect(transaction, fresh).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return fresh;
    }
}
