using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Timeliness.V1;
using Mash.Timeliness.Clocks;

namespace Mash.Timeliness.Grpc;

internal static class ClockMessages
{
    /// <summary>
    /// A clock as the API shows it: due_at once started and rated; decided_at and within_target
    /// only once it has stopped (decided_at also when its RAG has no target, so there is nothing to time), so a client never sees a decision not yet timed (one whose
    /// rating or receipt is still on its way) as a missed target.
    /// </summary>
    public static Clock ToClock(ClockRecord clock) => new()
    {
        ContactId = clock.ContactId,
        Rag = clock.Rag,
        StartedAt = Timestamp(clock.StartedAt),
        DueAt = Timestamp(clock.DueAt),
        DecidedAt = clock.IsStopped || clock.HasNoTarget ? Timestamp(clock.DecidedAt) : null,
        WithinTarget = clock.WithinTarget ?? false,
    };

    private static Timestamp? Timestamp(DateTimeOffset? instant) =>
        instant is { } at ? Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(at) : null;
}
