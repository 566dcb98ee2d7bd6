using Google.Protobuf.WellKnownTypes;

namespace Mash.ServiceDefaults;

/// <summary>An integration event's own fields as a consumer reads them, for a producer that left one out.</summary>
public static class EventFields
{
    /// <summary>The event's own id; for a producer that left it out, the bus message's id (redeliveries keep it).</summary>
    public static string IdOf(string eventId, Guid? messageId) =>
        eventId.Length > 0 ? eventId
            : messageId?.ToString() ?? throw new InvalidOperationException("The event has neither an event_id nor a message id.");

    /// <summary>Measures and ordering rest on occurred_at, so an event without it is refused (it ends in the _error queue).</summary>
    public static DateTime OccurredAt(Timestamp? occurredAt) =>
        occurredAt?.ToDateTime() ?? throw new InvalidOperationException("The event has no occurred_at.");
}
