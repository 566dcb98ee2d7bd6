using Google.Protobuf;
using Mash.ServiceDefaults;
using MassTransit;

namespace Mash.Testing.Messaging;

/// <summary>A batch as a consumer receives it: one delivery of an <see cref="EventBatch{T}"/> holding the events, in the order given.</summary>
public static class DeliveredBatch
{
    public static ConsumeContext<EventBatch<T>> Of<T>(params T[] events) where T : class, IMessage<T>, new() =>
        DeliveredContext.Of(EventBatch.Of(events));
}
