using System.Text.Json.Serialization;
using Google.Protobuf;

namespace Mash.ServiceDefaults;

/// <summary>
/// Events of one type as they travel the bus: the outbox publishes each batch it takes as one
/// message, so RabbitMQ, MassTransit and every consumer pay their per-message cost once a batch,
/// not once an event (per event, that cost was most of the platform's CPU under load). Each event
/// travels as its protobuf encoding, as the outbox stores it: on the wire, MassTransit's JSON
/// envelope around <c>{"bodies": ["&lt;base64&gt;", ...], "traceParents": [...]}</c>, which any
/// language with a protobuf library reads, and which costs the publisher and every consumer a
/// fraction of what protobuf's JSON form did (BENCHMARKS.md, "Intake submission"). Consume it with
/// <see cref="EventBatches.ApplyOnceAsync"/>.
/// </summary>
/// <param name="Bodies">Each event's protobuf encoding, in the order they were written.</param>
/// <param name="TraceParents">
/// The trace of the change each event announces (a W3C id, or null), at the same index: a batch is
/// published in one trace, but each contact's journey stays a trace of its own.
/// </param>
/// <param name="Rows">
/// How many of the events each outbox row held, in order (<see cref="RowRanges"/>); null when each
/// event is a row of its own.
/// </param>
public sealed record EventBatch<T>(IReadOnlyList<byte[]> Bodies, IReadOnlyList<string?> TraceParents, IReadOnlyList<int>? Rows = null)
    where T : class, IMessage<T>, new()
{
    private static readonly MessageParser<T> Parser = new(() => new T());

    /// <summary>The event at <paramref name="index"/>; throws if its body is not one.</summary>
    public T EventAt(int index) => Parser.ParseFrom(Bodies[index]);

    /// <summary>Every event, read from its body.</summary>
    [JsonIgnore]
    public IEnumerable<T> Events => Bodies.Select(Parser.ParseFrom);

    /// <summary>The trace of the event at <paramref name="index"/>, if it was written in one.</summary>
    public string? TraceParentOf(int index) => index < TraceParents.Count ? TraceParents[index] : null;

    /// <summary>
    /// The events of each outbox row, as where they start and how many: events written together travel
    /// together, and a consumer applies them together, under one inbox key (<see cref="EventInbox.ApplyNewAsync{T}"/>).
    /// A batch whose <see cref="Rows"/> are missing or do not add up to its events holds each event alone.
    /// </summary>
    public IEnumerable<(int Start, int Count)> RowRanges()
    {
        if (Rows is null || Rows.Any(count => count < 1) || Rows.Sum() != Bodies.Count)
        {
            return Enumerable.Range(0, Bodies.Count).Select(i => (i, 1));
        }
        var starts = new int[Rows.Count];
        for (var row = 1; row < Rows.Count; row++)
        {
            starts[row] = starts[row - 1] + Rows[row - 1];
        }
        return starts.Select((start, row) => (start, Rows[row]));
    }
}

/// <summary>Batches made by hand: tests, and tools that publish events outside an outbox.</summary>
public static class EventBatch
{
    /// <summary>A batch of <paramref name="events"/> written outside any trace.</summary>
    public static EventBatch<T> Of<T>(params T[] events) where T : class, IMessage<T>, new() =>
        new([.. events.Select(e => e.ToByteArray())], new string?[events.Length]);
}
