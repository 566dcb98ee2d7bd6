using Google.Protobuf;
using Mash.Contracts.Events.V1;
using Mash.ServiceDefaults;
using Npgsql;

namespace Mash.Outcomes.Feed;

/// <summary>The board's feed (<c>outcome_feed</c>): outcomes numbered as they are recorded, read in order from a resume position.</summary>
internal sealed class OutcomeFeedLog(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Every writer takes this transaction lock before numbering and holds it to commit, so outcomes
    /// become visible in sequence order: a reader that saw n never later meets a smaller one (a plain
    /// bigserial may commit out of order).
    /// </summary>
    internal const long FeedLock = 0x4D41_5348_4F55_5446; // "MASHOUTF"

    /// <summary>
    /// Numbers the outcome (sets its feed_sequence), adds it to the feed and adds <paramref name="eventsOf"/>
    /// its number to the outbox, in two round trips: the caller's last writes before it commits, since
    /// every other recording waits on the feed's lock from the numbering to the commit.
    /// </summary>
    public static async Task AppendAsync(NpgsqlTransaction transaction, OutcomeRecorded outcome, Func<long, IReadOnlyList<IMessage>> eventsOf, CancellationToken cancellationToken)
    {
        await using (var numbering = new NpgsqlCommand(
            $"SELECT pg_advisory_xact_lock({FeedLock}), nextval(pg_get_serial_sequence('outcome_feed', 'sequence'))", transaction.Connection, transaction))
        await using (var reader = await numbering.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            outcome.FeedSequence = reader.GetInt64(1);
        }
        var insert = new NpgsqlBatchCommand("INSERT INTO outcome_feed (sequence, body, recorded_at) VALUES ($1, $2, $3)");
        insert.Parameters.Add(new() { Value = outcome.FeedSequence });
        insert.Parameters.Add(new() { Value = outcome.ToByteArray() });
        insert.Parameters.Add(new() { Value = outcome.RecordedAt.ToDateTime() });
        await using var writes = new NpgsqlBatch(transaction.Connection, transaction) { BatchCommands = { insert, EventOutbox.AddRangeCommand(eventsOf(outcome.FeedSequence)) } };
        await writes.ExecuteNonQueryAsync(cancellationToken);
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
