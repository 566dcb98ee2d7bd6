using Mash.Contracts.Common.V1;
using Mash.Timeliness.Clocks;
using Mash.Timeliness.Timing;

namespace Mash.Timeliness.Alerts;

/// <summary>
/// When a clock's alerts fall: approaching once <see cref="AlertOptions.ApproachingAt"/> of its
/// target is used (counted as the target runs: elapsed hours round the clock, working days on the
/// calendar), breached at its due time. Only an open clock with a target has them.
/// </summary>
internal sealed class AlertMoments(Deadlines deadlines, double approachingAt)
{
    /// <summary>The clock's deadline, or null when nothing will be alerted: not started or rated, no target, or decided.</summary>
    public AlertDeadline? DeadlineOf(ClockRecord clock) => clock is { StartedAt: { } start, DueAt: { } due, DecidedAt: null, IsStopped: false } && clock.Rag != Rag.Unspecified
        ? new AlertDeadline(clock.ContactId, clock.Rag, clock.AgencyId, start, ApproachingAt(start, due, clock.Rag), due)
        : null;

    public DateTimeOffset ApproachingAt(DateTimeOffset startedAt, DateTimeOffset dueAt, Rag rag) => deadlines.TargetsAt(startedAt)[rag] switch
    {
        Target.WorkingDays => WorkingTime.After(startedAt, WorkingTime.Between(startedAt, dueAt, deadlines.Calendar) * approachingAt, deadlines.Calendar),
        _ => startedAt + (dueAt - startedAt) * approachingAt,
    };
}
