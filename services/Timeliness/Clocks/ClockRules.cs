using Mash.Contracts.Common.V1;

namespace Mash.Timeliness.Clocks;

/// <summary>
/// The clock's state machine. Facts arrive in any order and possibly more than once; the clock
/// stops, exactly once, when the last of start, rating and decision arrives, and is final from then.
/// </summary>
internal static class ClockRules
{
    public static ClockStep Apply(ClockRecord clock, ClockFact fact, Func<DateTimeOffset, Rag, DateTimeOffset?> dueAt)
    {
        if (clock.IsStopped)
        {
            return new ClockStep(clock, Stopped: false);
        }
        var next = fact switch
        {
            // The first receipt stands; a contact is received once.
            ClockFact.Received received => clock with
            {
                StartedAt = clock.StartedAt ?? received.At,
                AgencyId = clock.AgencyId ?? received.AgencyId,
                IncidentAt = clock.IncidentAt ?? received.IncidentAt,
            },
            // The latest rating by when it was made wins, whatever order ratings arrive in.
            ClockFact.Rated rated when clock.RatedAt is null || rated.At >= clock.RatedAt => clock with { Rag = rated.Rag, RatedAt = rated.At },
            // A decision is made once; the first one stands.
            ClockFact.Decided decided => clock with { DecidedAt = clock.DecidedAt ?? decided.At },
            _ => clock,
        };
        if (next.StartedAt != clock.StartedAt || next.RatedAt != clock.RatedAt)
        {
            // A re-rating moves the deadline, always from the same start.
            next = next with { DueAt = next.StartedAt is { } start && next.Rag != Rag.Unspecified ? dueAt(start, next.Rag) : null };
        }
        return next is { DueAt: { } due, DecidedAt: { } decidedAt }
            ? new ClockStep(next with { WithinTarget = WithinTarget(decidedAt, due) }, Stopped: true)
            : new ClockStep(next, Stopped: false);
    }

    // A RAG with no target (Warwickshire's Green) has no due time: its clock keeps receipt, rating
    // and decision, and never stops, as there is no target to time the decision against.

    /// <summary>
    /// A fact that reaches a stopped clock yet happened before the decision: the decision was timed
    /// without it (a re-rating overtaken by the decision on another queue). A re-rating made after
    /// the decision is ordinary practice and changes nothing the clock measured.
    /// </summary>
    public static bool ArrivedTooLate(ClockRecord clock, ClockFact fact) =>
        clock.IsStopped && fact is ClockFact.Rated rated && clock.DecidedAt is { } decidedAt && rated.At < decidedAt;

    /// <summary>Decided by the due moment, that moment included.</summary>
    public static bool WithinTarget(DateTimeOffset decidedAt, DateTimeOffset dueAt) => decidedAt <= dueAt;
}
