using Google.Protobuf;
using Mash.Contracts.Events.V1;
using Mash.Outcomes.Postgres;
using Mash.ServiceDefaults;
using Npgsql;

namespace Mash.Outcomes.Feed;

/// <summary>
/// Numbers the feed's unnumbered items into <c>outcome_feed</c>, oldest first, a batch a transaction
/// under the feed's lock, and puts each item's event, now carrying its number, in the outbox in the
/// same transaction. Recordings therefore never wait on one another for the feed; a replica's
/// numberings wait on each other's, briefly, once a batch.
/// </summary>
internal sealed class FeedNumbering(NpgsqlDataSource dataSource, EventOutbox outbox)
{
    public const int BatchSize = 500;

    private readonly SemaphoreSlim added = new(0);

    /// <summary>An item was committed unnumbered: the numberer (<see cref="FeedNumberer"/>) looks at once.</summary>
    public void Added()
    {
        if (added.CurrentCount == 0)
        {
            added.Release();
        }
    }

    internal Task<bool> WaitAsync(TimeSpan atMost, CancellationToken cancellationToken) => added.WaitAsync(atMost, cancellationToken);

    /// <summary>Numbers up to <see cref="BatchSize"/> items; returns how many.</summary>
    public async Task<int> NumberAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var items = await TakeAsync(transaction, cancellationToken);
        if (items.Count == 0)
        {
            return 0;
        }
        var sequences = await SequencesAsync(transaction, items.Count, cancellationToken);
        for (var i = 0; i < items.Count; i++)
        {
            items[i].Item.FeedSequence = sequences[i];
            items[i].Correction?.FeedSequence = sequences[i];
        }
        IMessage[] events = [.. items.Select(i => (IMessage?)i.Correction ?? i.Item)];
        var feed = new NpgsqlBatchCommand("INSERT INTO outcome_feed (sequence, body, recorded_at) SELECT * FROM unnest($1::bigint[], $2::bytea[], $3::timestamptz[])");
        feed.Parameters.Add(new() { Value = sequences });
        feed.Parameters.Add(new() { Value = items.Select(i => i.Item.ToByteArray()).ToArray() });
        feed.Parameters.Add(TransactionExtensions.Instants(items.Select(i => i.Item.RecordedAt.ToDateTime())));
        await using var writes = new NpgsqlBatch(connection, transaction) { BatchCommands = { feed, EventOutbox.AddRangeCommand(events, [.. items.Select(i => i.TraceParent)]) } };
        await writes.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.Added(events.Length);
        return items.Count;
    }

    /// <summary>Takes the oldest unnumbered items, after any numbering under way has committed (the lock is taken first).</summary>
    private static async Task<List<Unnumbered>> TakeAsync(NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using (var locking = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({OutcomeFeedLog.FeedLock})", transaction.Connection, transaction))
        {
            await locking.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var taking = new NpgsqlCommand("""
            WITH taken AS (
                DELETE FROM outcome_feed_unnumbered WHERE id IN (SELECT id FROM outcome_feed_unnumbered ORDER BY id LIMIT $1)
                RETURNING id, item, correction, trace_parent)
            SELECT item, correction, trace_parent FROM taken ORDER BY id
            """, transaction.Connection, transaction);
        taking.Parameters.Add(new() { Value = BatchSize });
        await using var reader = await taking.ExecuteReaderAsync(cancellationToken);
        var items = new List<Unnumbered>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new Unnumbered(
                OutcomeRecorded.Parser.ParseFrom((byte[])reader[0]),
                reader.IsDBNull(1) ? null : OutcomeCorrected.Parser.ParseFrom((byte[])reader[1]),
                reader.IsDBNull(2) ? null : reader.GetString(2)));
        }
        return items;
    }

    private static async Task<long[]> SequencesAsync(NpgsqlTransaction transaction, int count, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT array_agg(s ORDER BY s) FROM (SELECT nextval(pg_get_serial_sequence('outcome_feed', 'sequence')) AS s FROM generate_series(1, $1)) n", transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = count });
        return (long[])(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private sealed record Unnumbered(OutcomeRecorded Item, OutcomeCorrected? Correction, string? TraceParent);
}
