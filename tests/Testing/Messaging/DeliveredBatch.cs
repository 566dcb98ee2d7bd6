using System.Collections;
using MassTransit;

namespace Mash.Testing.Messaging;

/// <summary>A batch as a batch consumer receives it: each message a delivery of its own (<see cref="DeliveredContext"/>), in the order given.</summary>
public static class DeliveredBatch
{
    public static ConsumeContext<Batch<T>> Of<T>(params T[] messages) where T : class =>
        DeliveredContext.Of<Batch<T>>(new Deliveries<T>([.. messages.Select(message => DeliveredContext.Of(message))], DateTime.UtcNow));

    private sealed class Deliveries<T>(IReadOnlyList<ConsumeContext<T>> deliveries, DateTime received) : Batch<T> where T : class
    {
        public BatchCompletionMode Mode => BatchCompletionMode.Size;

        public DateTime FirstMessageReceived => received;

        public DateTime LastMessageReceived => received;

        public ConsumeContext<T> this[int index] => deliveries[index];

        public int Length => deliveries.Count;

        public IEnumerator<ConsumeContext<T>> GetEnumerator() => deliveries.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
