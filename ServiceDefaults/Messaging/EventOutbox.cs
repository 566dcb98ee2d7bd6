using System.Diagnostics;
using Google.Protobuf;
using Npgsql;

namespace Mash.ServiceDefaults;

/// <summary>
/// The transactional outbox: an event is written in the same PostgreSQL transaction as the change it
/// announces, so it leaves (through <see cref="OutboxDispatcher"/>) if and only if that change commits.
/// RabbitMQ being down then delays events but never loses or blocks an acknowledged change.
/// </summary>
public sealed class EventOutbox
{
    /// <summary>The outbox table; list <see cref="Migrations"/> with the service's own migrations.</summary>
    public static readonly Migration Migration = new(1_000_000, "event_outbox", """
        CREATE TABLE IF NOT EXISTS outbox_messages (
            id           bigserial PRIMARY KEY,
            message_type text        NOT NULL,
            body         bytea       NOT NULL,
            created_at   timestamptz NOT NULL DEFAULT now()
        );
        """);

    /// <summary>
    /// The W3C trace context of the change each event announces, so the dispatcher publishes it as
    /// part of the same trace: a contact's journey through every service reads as one trace.
    /// 1000002: 1000001 is <see cref="EventInbox.Migration"/>'s, which services list beside these.
    /// </summary>
    public static readonly Migration TraceMigration = new(1_000_002, "event_outbox_trace_parent", """
        ALTER TABLE outbox_messages ADD COLUMN IF NOT EXISTS trace_parent text;
        """);

    /// <summary>
    /// A row may hold many events of one type (<c>bodies</c> and <c>trace_parents</c>, <c>events</c> of
    /// them; <c>body</c> null): a write of many events stores them a few hundred to a row
    /// (<see cref="AddRangeCommand"/>, <see cref="CopyRangeAsync"/>), so PostgreSQL writes, indexes and
    /// later deletes one row for them rather than one each.
    /// 1000004: 1000003 is <see cref="AuditLog.Migration"/>'s.
    /// </summary>
    public static readonly Migration PackedMigration = new(1_000_004, "event_outbox_packed_rows", """
        ALTER TABLE outbox_messages
            ADD COLUMN IF NOT EXISTS events integer NOT NULL DEFAULT 1,
            ADD COLUMN IF NOT EXISTS bodies bytea[],
            ADD COLUMN IF NOT EXISTS trace_parents text[],
            ALTER COLUMN body DROP NOT NULL;
        """);

    /// <summary>
    /// A packed row is far over PostgreSQL's 2 kB threshold, so it is compressed as it is stored; with
    /// lz4 rather than the default pglz, whose compression was a tenth of PostgreSQL's CPU under a bulk
    /// import (BENCHMARKS.md, "Intake submission"). Rows stored before keep pglz and read as before.
    /// </summary>
    public static readonly Migration Lz4Migration = new(1_000_005, "event_outbox_lz4", """
        ALTER TABLE outbox_messages
            ALTER COLUMN body SET COMPRESSION lz4,
            ALTER COLUMN bodies SET COMPRESSION lz4,
            ALTER COLUMN trace_parents SET COMPRESSION lz4;
        """);

    /// <summary>Every migration of the outbox's table, in order.</summary>
    public static Migration[] Migrations => [Migration, TraceMigration, PackedMigration, Lz4Migration];

    /// <summary>The most events <see cref="CopyRangeAsync"/> packs into one row: one of the dispatcher's batches.</summary>
    public const int PackSize = OutboxDispatcher.BatchSize;

    private readonly SemaphoreSlim pending = new(0);
    private int writes;
    private long written;
    private long published;

    /// <summary>Whether a write begun with <see cref="BeginWrite"/> is under way.</summary>
    public bool IsBeingWritten => Volatile.Read(ref writes) > 0;

    /// <summary>Adds <paramref name="message"/> to the outbox inside the caller's transaction.</summary>
    public async Task AddAsync(NpgsqlTransaction transaction, IMessage message, CancellationToken cancellationToken = default)
    {
        await using var command = new NpgsqlCommand("INSERT INTO outbox_messages (message_type, body, trace_parent) VALUES ($1, $2, $3)", transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = OutboxMessageTypes.NameOf(message.GetType()) });
        command.Parameters.Add(new() { Value = message.ToByteArray() });
        command.Parameters.Add(new() { Value = (object?)Activity.Current?.Id ?? DBNull.Value });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        Added(1);
    }

    /// <summary>
    /// A command adding <paramref name="messages"/> to the outbox in one statement, in their order,
    /// packed as <see cref="CopyRangeAsync"/> packs them (a row a run of one type), for the caller to
    /// run in its own transaction beside its other writes (one round trip for all); call
    /// <see cref="Added"/> once that transaction has committed. <paramref name="traceParents"/> gives
    /// each message the trace it belongs to (<see cref="Activity.Id"/> where its change was asked for);
    /// without it, every message belongs to the current activity's trace.
    /// </summary>
    public static NpgsqlBatchCommand AddRangeCommand(IReadOnlyList<IMessage> messages, IReadOnlyList<string?>? traceParents = null)
    {
        // Each row slices its run out of the statement's two arrays; ORDER BY keeps the order in the ids the dispatcher publishes by.
        var command = new NpgsqlBatchCommand("""
            INSERT INTO outbox_messages (message_type, events, bodies, trace_parents)
            SELECT r.message_type, r.events, $4[r.first:r.first + r.events - 1], $5[r.first:r.first + r.events - 1]
            FROM unnest($1::text[], $2::integer[], $3::integer[]) WITH ORDINALITY AS r(message_type, events, first, n) ORDER BY r.n
            """);
        var runs = Runs(messages).ToArray();
        command.Parameters.Add(new() { Value = runs.Select(run => OutboxMessageTypes.NameOf(messages[run.Start].GetType())).ToArray() });
        command.Parameters.Add(new() { Value = runs.Select(run => run.Count).ToArray() });
        command.Parameters.Add(new() { Value = runs.Select(run => run.Start + 1).ToArray() });
        command.Parameters.Add(new() { Value = messages.Select(m => m.ToByteArray()).ToArray() });
        command.Parameters.Add(new() { Value = traceParents?.ToArray() ?? Enumerable.Repeat(Activity.Current?.Id, messages.Count).ToArray() });
        return command;
    }

    /// <summary>
    /// Adds <paramref name="messages"/> to the outbox with COPY, in their order, in the connection's
    /// open transaction, packed: each run of one type, <see cref="PackSize"/> events at most, is one row.
    /// For hundreds of events at once: PostgreSQL then stores, indexes and deletes a row per few hundred
    /// events, not one each (BENCHMARKS.md, "Intake submission"), and the dispatcher publishes each such row as one message.
    /// </summary>
    public static async Task CopyRangeAsync(NpgsqlConnection connection, IReadOnlyList<IMessage> messages, IReadOnlyList<string?> traceParents)
    {
        await using var copy = await connection.BeginBinaryImportAsync("COPY outbox_messages (message_type, events, bodies, trace_parents) FROM STDIN (FORMAT BINARY)");
        foreach (var (start, count) in Runs(messages))
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(OutboxMessageTypes.NameOf(messages[start].GetType()), NpgsqlTypes.NpgsqlDbType.Text);
            await copy.WriteAsync(count, NpgsqlTypes.NpgsqlDbType.Integer);
            await copy.WriteAsync(messages.Skip(start).Take(count).Select(m => m.ToByteArray()).ToArray(), NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Bytea);
            await copy.WriteAsync(traceParents.Skip(start).Take(count).ToArray(), NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text);
        }
        await copy.CompleteAsync();
    }

    /// <summary>The rows <paramref name="messages"/> pack into: runs of one type, at most <see cref="PackSize"/> long.</summary>
    internal static IEnumerable<(int Start, int Count)> Runs(IReadOnlyList<IMessage> messages)
    {
        var start = 0;
        for (var i = 1; i <= messages.Count; i++)
        {
            if (i == messages.Count || i - start == PackSize || messages[i].GetType() != messages[start].GetType())
            {
                yield return (start, i - start);
                start = i;
            }
        }
    }

    /// <summary>
    /// Marks a transaction that adds events as under way until disposed (after its commit or
    /// rollback), which wakes the dispatcher. Meanwhile the dispatcher holds back, for at most
    /// <see cref="OutboxOptions.MaxYield"/>: a burst of group commits goes first, its events after.
    /// </summary>
    public IDisposable BeginWrite()
    {
        Interlocked.Increment(ref writes);
        return new Write(this);
    }

    /// <summary>
    /// <paramref name="events"/> were committed to the outbox (with <see cref="AddRangeCommand"/>):
    /// counted, so <see cref="OutboxWaiting"/> knows the backlog between its samples, and the dispatcher woken.
    /// </summary>
    public void Added(int events)
    {
        Interlocked.Add(ref written, events);
        Wake();
    }

    /// <summary>Events added and published by this process since it started: (written, published).</summary>
    internal (long Written, long Published) Counts => (Interlocked.Read(ref written), Interlocked.Read(ref published));

    internal void Published(int events) => Interlocked.Add(ref published, events);

    /// <summary>Tells the dispatcher there may be work; it also polls, so a missed wake only delays.</summary>
    public void Wake()
    {
        if (pending.CurrentCount == 0)
        {
            pending.Release();
        }
    }

    internal Task<bool> WaitAsync(TimeSpan pollInterval, CancellationToken cancellationToken) =>
        pending.WaitAsync(pollInterval, cancellationToken);

    private sealed class Write(EventOutbox outbox) : IDisposable
    {
        private int ended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref ended, 1) == 0)
            {
                Interlocked.Decrement(ref outbox.writes);
                outbox.Wake();
            }
        }
    }
}
