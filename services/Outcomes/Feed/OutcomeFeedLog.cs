using System.Diagnostics;
using Google.Protobuf;
using Mash.Contracts.Events.V1;
using Mash.ServiceDefaults;
using Npgsql;
using NpgsqlTypes;

namespace Mash.Outcomes.Feed;

/// <summary>The board's feed (<c>outcome_feed</c>): outcomes numbered once recorded, read in order from a resume position.</summary>
internal sealed class OutcomeFeedLog(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Held by the one numbering the feed (<see cref="FeedNumbering"/>) from taking unnumbered items
    /// to its commit, so outcomes become visible in sequence order: a reader that saw n never later
    /// meets a smaller one (a plain bigserial may commit out of order).
    /// </summary>
    internal const long FeedLock = 0x4D41_5348_4F55_5446; // "MASHOUTF"

    /// <summary>
    /// Adds <paramref name="item"/> to the feed, unnumbered, and <paramref name="alongside"/> to the
    /// outbox, in one round trip in the caller's transaction. <see cref="FeedNumbering"/> numbers the
    /// item after the commit and only then sends its event: the item itself, or <paramref name="correction"/>
    /// carrying the item's number.
    /// </summary>
    public static async Task AddUnnumberedAsync(NpgsqlTransaction transaction, OutcomeRecorded item, OutcomeCorrected? correction, IMessage alongside, CancellationToken cancellationToken)
    {
        await using var writes = new NpgsqlBatch(transaction.Connection, transaction) { BatchCommands = { AddUnnumberedCommand([(item, correction)]), EventOutbox.AddRangeCommand([alongside]) } };
        await writes.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// A command adding <paramref name="items"/> to the feed unnumbered, in their order (the order
    /// <see cref="FeedNumbering"/> numbers them in), for the caller's batch in its transaction.
    /// </summary>
    public static NpgsqlBatchCommand AddUnnumberedCommand(IReadOnlyList<(OutcomeRecorded Item, OutcomeCorrected? Correction)> items)
    {
        var command = new NpgsqlBatchCommand("""
            INSERT INTO outcome_feed_unnumbered (item, correction, trace_parent)
            SELECT u.item, u.correction, $3 FROM unnest($1::bytea[], $2::bytea[]) WITH ORDINALITY AS u(item, correction, n) ORDER BY u.n
            """);
        command.Parameters.Add(new() { Value = items.Select(i => i.Item.ToByteArray()).ToArray() });
        command.Parameters.Add(new() { Value = items.Select(i => i.Correction?.ToByteArray()).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        command.Parameters.Add(new() { Value = (object?)Activity.Current?.Id ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        return command;
    }

    /// <summary>The feed's last sequence (0 when empty): where a subscriber from now on starts.</summary>
    public async Task<long> LastAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT coalesce(max(sequence), 0) FROM outcome_feed");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Up to <paramref name="limit"/> outcomes after <paramref name="after"/>, in order.</summary>
    public async Task<IReadOnlyList<OutcomeRecorded>> ReadAsync(long after, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT body FROM outcome_feed WHERE sequence > $1 ORDER BY sequence LIMIT $2");
        command.Parameters.Add(new() { Value = after });
        command.Parameters.Add(new() { Value = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var outcomes = new List<OutcomeRecorded>();
        while (await reader.ReadAsync(cancellationToken))
        {
            outcomes.Add(OutcomeRecorded.Parser.ParseFrom((byte[])reader[0]));
        }
        return outcomes;
    }
}
