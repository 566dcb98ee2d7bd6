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
    /// <summary>The outbox table; list it with the service's own migrations.</summary>
    public static readonly Migration Migration = new(1_000_000, "event_outbox", """
        CREATE TABLE IF NOT EXISTS outbox_messages (
            id           bigserial PRIMARY KEY,
            message_type text        NOT NULL,
            body         bytea       NOT NULL,
            created_at   timestamptz NOT NULL DEFAULT now()
        );
        """);

    private readonly SemaphoreSlim pending = new(0);
    private int writes;

    /// <summary>Whether a write begun with <see cref="BeginWrite"/> is under way.</summary>
    public bool IsBeingWritten => Volatile.Read(ref writes) > 0;

    /// <summary>Adds <paramref name="message"/> to the outbox inside the caller's transaction.</summary>
    public async Task AddAsync(NpgsqlTransaction transaction, IMessage message, CancellationToken cancellationToken = default)
    {
        await using var command = new NpgsqlCommand("INSERT INTO outbox_messages (message_type, body) VALUES ($1, $2)", transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = OutboxMessageTypes.NameOf(message.GetType()) });
        command.Parameters.Add(new() { Value = message.ToByteArray() });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        Wake();
    }

    /// <summary>
    /// A command adding <paramref name="messages"/> to the outbox in one statement, in their order,
    /// for the caller to run in its own transaction beside its other writes (one round trip for all);
    /// call <see cref="Wake"/> once that transaction has committed.
    /// </summary>
    public static NpgsqlBatchCommand AddRangeCommand(IReadOnlyList<IMessage> messages)
    {
        // unnest WITH ORDINALITY keeps the given order in the ids the dispatcher publishes by.
        var command = new NpgsqlBatchCommand("""
            INSERT INTO outbox_messages (message_type, body)
            SELECT m.message_type, m.body FROM unnest($1::text[], $2::bytea[]) WITH ORDINALITY AS m(message_type, body, n) ORDER BY m.n
            """);
        command.Parameters.Add(new() { Value = messages.Select(m => OutboxMessageTypes.NameOf(m.GetType())).ToArray() });
        command.Parameters.Add(new() { Value = messages.Select(m => m.ToByteArray()).ToArray() });
        return command;
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
