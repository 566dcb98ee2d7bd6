using Google.Protobuf.WellKnownTypes;

namespace Mash.ServiceDefaults;

/// <summary>An integration event's own fields as a consumer reads them, refusing an event that lacks one it needs.</summary>
public static class EventFields
{
    /// <summary>
    /// The event's own id, by which every consumer applies it once. An event without one is refused (it
    /// ends in the _error queue): a batch carries many events, so the bus message's id names none of them.
    /// </summary>
    public static string IdOf(string eventId) =>
        eventId.Length > 0 ? eventId : throw new InvalidOperationException("The event has no event_id.");

    /// <summary>Measures and ordering rest on occurred_at, so an event without it is refused (it ends in the _error queue).</summary>
    public static DateTime OccurredAt(Timestamp? occurredAt) =>
        occurredAt?.ToDateTime() ?? throw new InvalidOperationException("The event has no occurred_at.");
}
