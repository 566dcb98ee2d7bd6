using MassTransit;
using Npgsql;

namespace Mash.ServiceDefaults;

/// <summary>How a consumer applies an <see cref="EventBatch{T}"/>: in one transaction, each event once.</summary>
public static class EventBatches
{
    /// <summary>
    /// The usual consumer: reads each event into its id and the fact it records with <paramref name="read"/>,
    /// then, in one transaction on one connection, records with <paramref name="record"/> the facts of the
    /// events <paramref name="consumer"/> (the inbox key: keep it stable) has not applied before, in their
    /// order, each outbox row's once (<see cref="EventInbox.ApplyNewAsync"/>).
    /// <code>context.ApplyOnceAsync(dataSource, "quality.contact-received", e => (e.EventId, new ContactFact(…)), facts.RecordContactsAsync)</code>
    /// </summary>
    public static Task ApplyOnceAsync<TMessage, TFact>(
        this ConsumeContext<EventBatch<TMessage>> context,
        NpgsqlDataSource dataSource,
        string consumer,
        Func<TMessage, (string EventId, TFact Fact)> read,
        Func<NpgsqlTransaction, IReadOnlyList<TFact>, CancellationToken, Task> record)
        where TMessage : class, Google.Protobuf.IMessage<TMessage>, new() =>
        context.ApplyAsync((message, _) =>
            {
                var (eventId, fact) = read(message);
                return (EventId: EventFields.IdOf(eventId), Fact: fact);
            },
            rows => EventInbox.ApplyNewAsync(dataSource, consumer, rows, e => e.EventId,
                (transaction, fresh) => record(transaction, [.. fresh.Select(e => e.Fact)], context.CancellationToken), context.CancellationToken));

    /// <summary>
    /// Consumes a batch: reads each event, with the trace it was written in, with <paramref name="read"/>,
    /// and applies those it reads, together, in their order and a row of the outbox at a time
    /// (<see cref="EventBatch{T}.RowRanges"/>), with <paramref name="apply"/>. An event whose body is not
    /// one, or that <paramref name="read"/> refuses (malformed, which no retry mends), is left out with
    /// the rest of its row, since events written together are applied together; once the other rows are
    /// applied the batch fails with its error. MassTransit retries it (the rest then change nothing, by
    /// the inbox) and moves it to the <c>_error</c> queue for an operator; moved back once mended, only
    /// the refused rows change anything.
    /// </summary>
    public static async Task ApplyAsync<TMessage, TEvent>(
        this ConsumeContext<EventBatch<TMessage>> context, Func<TMessage, string?, TEvent> read, Func<IReadOnlyList<IReadOnlyList<TEvent>>, Task> apply)
        where TMessage : class, Google.Protobuf.IMessage<TMessage>, new()
    {
        var batch = context.Message;
        var rows = new List<IReadOnlyList<TEvent>>();
        var refused = new List<Exception>();
        foreach (var (start, count) in batch.RowRanges())
        {
            var row = new List<TEvent>(count);
            var refusedBefore = refused.Count;
            for (var i = start; i < start + count; i++)
            {
                try
                {
                    row.Add(read(batch.EventAt(i), batch.TraceParentOf(i)));
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    refused.Add(exception);
                }
            }
            if (refused.Count == refusedBefore)
            {
                rows.Add(row);
            }
        }
        if (rows.Count > 0)
        {
            await apply(rows).ConfigureAwait(false);
        }
        if (refused.Count > 0)
        {
            throw new AggregateException($"{refused.Count} of the batch's {batch.Bodies.Count} events cannot be applied.", refused);
        }
    }
}
