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

    /// <summary>Every migration of the outbox's table, in order.</summary>
    public static Migration[] Migrations => [Migration, TraceMigration];

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
    /// for the caller to run in its own transaction beside its other writes (one round trip for all);
    /// call <see cref="Added"/> once that transaction has committed. <paramref name="traceParents"/>
    /// gives each message the trace it belongs to (<see cref="Activity.Id"/> where its change was asked
    /// for); without it, every message belongs to the current activity's trace.
    /// </summary>
    public static NpgsqlBatchCommand AddRangeCommand(IReadOnlyList<IMessage> messages, IReadOnlyList<string?>? traceParents = null)
    {
        // unnest WITH ORDINALITY keeps the given order in the ids the dispatcher publishes by.
        var command = new NpgsqlBatchCommand("""
            INSERT INTO outbox_messages (message_type, body, trace_parent)
            SELECT m.message_type, m.body, m.trace_parent
            FROM unnest($1::text[], $2::bytea[], $3::text[]) WITH ORDINALITY AS m(message_type, body, trace_parent, n) ORDER BY m.n
            """);
        command.Parameters.Add(new() { Value = messages.Select(m => OutboxMessageTypes.NameOf(m.GetType())).ToArray() });
        command.Parameters.Add(new() { Value = messages.Select(m => m.ToByteArray()).ToArray() });
        command.Parameters.Add(new() { Value = traceParents?.ToArray() ?? Enumerable.Repeat(Activity.Current?.Id, messages.Count).ToArray() });
        return command;
    }

    /// <summary>
    /// Adds <paramref name="messages"/> to the outbox with COPY, in their order, in the connection's
    /// open transaction: for hundreds of events at once, cheaper for PostgreSQL than <see cref="AddRangeCommand"/>.
    /// </summary>
    public static async Task CopyRangeAsync(NpgsqlConnection connection, IReadOnlyList<IMessage> messages, IReadOnlyList<string?> traceParents)
    {
        await using var copy = await connection.BeginBinaryImportAsync("COPY outbox_messages (message_type, body, trace_parent) FROM STDIN (FORMAT BINARY)");
        for (var i = 0; i < messages.Count; i++)
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(OutboxMessageTypes.NameOf(messages[i].GetType()), NpgsqlTypes.NpgsqlDbType.Text);
            await copy.WriteAsync(messages[i].ToByteArray(), NpgsqlTypes.NpgsqlDbType.Bytea);
            if (traceParents[i] is { } traceParent)
            {
                await copy.WriteAsync(traceParent, NpgsqlTypes.NpgsqlDbType.Text);
            }
            else
            {
                await copy.WriteNullAsync();
            }
        }
        await copy.CompleteAsync();
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
