using Google.Protobuf;

namespace Mash.ServiceDefaults;

/// <summary>
/// Events of one type as they travel the bus: the outbox publishes each batch it takes as one
/// message, so RabbitMQ, MassTransit and every consumer pay their per-message cost once a batch,
/// not once an event (per event, that cost was most of the platform's CPU under load). On the wire
/// it is MassTransit's JSON envelope around <c>{"events": [...], "traceParents": [...]}</c>, each
/// event canonical protobuf JSON, so any language with a protobuf library reads it. Consume it with
/// <see cref="EventBatches.ApplyOnceAsync"/>.
/// </summary>
/// <param name="Events">The events, in the order they were written.</param>
/// <param name="TraceParents">
/// The trace of the change each event announces (a W3C id, or null), at the same index: a batch is
/// published in one trace, but each contact's journey stays a trace of its own.
/// </param>
public sealed record EventBatch<T>(IReadOnlyList<T> Events, IReadOnlyList<string?> TraceParents)
    where T : class, IMessage
{
    /// <summary>The trace of the event at <paramref name="index"/>, if it was written in one.</summary>
    public string? TraceParentOf(int index) => index < TraceParents.Count ? TraceParents[index] : null;
}

/// <summary>Batches made by hand: tests, and tools that publish events outside an outbox.</summary>
public static class EventBatch
{
    /// <summary>A batch of <paramref name="events"/> written outside any trace.</summary>
    public static EventBatch<T> Of<T>(params T[] events) where T : class, IMessage => new(events, new string?[events.Length]);
}
