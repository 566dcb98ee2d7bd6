using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Events.V1;
using Mash.ServiceDefaults;

namespace Mash.Timeliness.Clocks;

internal static class TimelinessEvents
{
    /// <summary>
    /// A stopped clock, announced. It occurred when the decision was made (so a decision imported
    /// with its original time counts in its own period), and is recorded now.
    /// </summary>
    public static DecisionTimed DecisionTimed(ClockRecord clock, DateTimeOffset now) => new()
    {
        EventId = NewGuids.OrderedBy(now).ToString(),
        ContactId = clock.ContactId,
        Rag = clock.Rag,
        StartedAt = Timestamp.FromDateTimeOffset(clock.StartedAt!.Value),
        DueAt = Timestamp.FromDateTimeOffset(clock.DueAt!.Value),
        DecidedAt = Timestamp.FromDateTimeOffset(clock.DecidedAt!.Value),
        WithinTarget = clock.WithinTarget!.Value,
        OccurredAt = Timestamp.FromDateTimeOffset(clock.DecidedAt!.Value),
        RecordedAt = Timestamp.FromDateTimeOffset(now),
    };
}
