using Google.Protobuf.WellKnownTypes;
using Mash.ServiceDefaults;
using Npgsql;

namespace Mash.Quality.Consumers;

/// <summary>How every consumer here applies an event: once, in one transaction with its inbox record.</summary>
internal static class Inbox
{
    /// <summary>Runs <paramref name="effect"/> unless <paramref name="consumer"/> has already applied <paramref name="eventId"/>.</summary>
    public static async Task ApplyOnceAsync(NpgsqlDataSource dataSource, string consumer, string eventId, Func<NpgsqlTransaction, Task> effect, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await EventInbox.TryRecordAsync(transaction, consumer, eventId, cancellationToken))
        {
            await effect(transaction);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The event's own id; for a producer that left it out, the bus message's id (redeliveries keep it).</summary>
    public static string IdOf(string eventId, Guid? messageId) =>
        eventId.Length > 0 ? eventId
            : messageId?.ToString() ?? throw new InvalidOperationException("The event has neither an event_id nor a message id.");

    /// <summary>Measures and ordering rest on occurred_at, so an event without it is refused (it ends in the _error queue).</summary>
    public static DateTime OccurredAt(Timestamp? occurredAt) =>
        occurredAt?.ToDateTime() ?? throw new InvalidOperationException("The event has no occurred_at.");
}
