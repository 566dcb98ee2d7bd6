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
}
