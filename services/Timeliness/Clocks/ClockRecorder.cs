using Mash.ServiceDefaults;
using Mash.Timeliness.Timing;
using Npgsql;

namespace Mash.Timeliness.Clocks;

/// <summary>
/// What every consumer does with its event, in one transaction: record it in the inbox (a
/// redelivery stops there), apply its fact to the locked clock, and, if that stopped the clock,
/// put DecisionTimed in the outbox.
/// </summary>
internal sealed partial class ClockRecorder(
    NpgsqlDataSource database,
    ClockStore clocks,
    Deadlines deadlines,
    EventOutbox outbox,
    TimeProvider time,
    ILogger<ClockRecorder> logger)
{
    public Task RecordAsync(string inboxName, ClockEvent clockEvent, CancellationToken cancellationToken) =>
        EventInbox.ApplyOnceAsync(database, inboxName, clockEvent.EventId, transaction => ApplyAsync(transaction, clockEvent, cancellationToken), cancellationToken);

    private async Task ApplyAsync(NpgsqlTransaction transaction, ClockEvent clockEvent, CancellationToken cancellationToken)
    {
        var clock = await clocks.LockAsync(transaction, clockEvent.ContactId, cancellationToken);
        var step = ClockRules.Apply(clock, clockEvent.Fact, deadlines.DueAt);
        if (step.Clock != clock)
        {
            await clocks.SaveAsync(transaction, step.Clock, cancellationToken);
        }
        if (step.Stopped)
        {
            await outbox.AddAsync(transaction, TimelinessEvents.DecisionTimed(step.Clock, time.GetUtcNow()), cancellationToken);
        }
        else if (clock.IsStopped)
        {
            LogAfterStop(clockEvent.ContactId, clockEvent.Fact);
        }
    }

    // Chiefly a re-rating overtaken by the decision on another queue: the decision was timed
    // against the rating known then (see the report on DecisionRecorded carrying its RAG).
    [LoggerMessage(Level = LogLevel.Warning, Message = "Contact {ContactId}'s clock had stopped when {Fact} arrived; it is left as timed")]
    private partial void LogAfterStop(string contactId, ClockFact fact);
}
