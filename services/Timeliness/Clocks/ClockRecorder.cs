using Google.Protobuf;
using Mash.ServiceDefaults;
using Mash.Timeliness.Alerts;
using Mash.Timeliness.Timing;
using Npgsql;

namespace Mash.Timeliness.Clocks;

/// <summary>
/// What every consumer does with a batch of events, in one transaction: record them in the inbox
/// (a redelivery stops there), apply each new event's fact to its locked clock in the order they
/// arrived, exactly as one event at a time would, write the changed clocks back in one statement,
/// put a DecisionTimed in the outbox for each clock that stopped, and keep the changed clocks'
/// deadlines for the alert scheduler.
/// </summary>
internal sealed partial class ClockRecorder(
    NpgsqlDataSource database,
    ClockStore clocks,
    Deadlines deadlines,
    EventOutbox outbox,
    TimeProvider time,
    ILogger<ClockRecorder> logger,
    AlertSchedule alerts)
{
    public Task RecordAsync(string inboxName, ClockEvent clockEvent, CancellationToken cancellationToken) =>
        RecordAsync(inboxName, [[clockEvent]], cancellationToken);

    /// <summary>Records a batch's events, a row of the producer's outbox at a time (<see cref="EventBatch{T}.RowRanges"/>).</summary>
    public async Task RecordAsync(string inboxName, IReadOnlyList<IReadOnlyList<ClockEvent>> rows, CancellationToken cancellationToken)
    {
        var (stopped, earliestAlert) = (0, (DateTimeOffset?)null);
        await EventInbox.ApplyNewAsync(database, inboxName, rows, e => e.EventId,
            async (transaction, fresh) => (stopped, earliestAlert) = await ApplyAsync(transaction, fresh, cancellationToken), cancellationToken);
        if (stopped > 0)
        {
            outbox.Added(stopped);
        }
        alerts.Committed(earliestAlert);
    }

    /// <summary>Applies the facts and returns how many clocks they stopped, and the earliest alert moment they wrote.</summary>
    private async Task<(int Stopped, DateTimeOffset? EarliestAlert)> ApplyAsync(NpgsqlTransaction transaction, IReadOnlyList<ClockEvent> batch, CancellationToken cancellationToken)
    {
        var current = await clocks.LockAsync(transaction, batch.Select(e => e.ContactId), cancellationToken);
        var changed = new Dictionary<string, ClockRecord>(StringComparer.Ordinal);
        var timed = new List<IMessage>();
        var traceParents = new List<string?>();
        var now = time.GetUtcNow();
        foreach (var clockEvent in batch)
        {
            var clock = current[clockEvent.ContactId];
            var step = ClockRules.Apply(clock, clockEvent.Fact, deadlines.DueAt);
            if (step.Clock != clock)
            {
                current[clockEvent.ContactId] = changed[clockEvent.ContactId] = step.Clock;
            }
            if (step.Stopped)
            {
                timed.Add(TimelinessEvents.DecisionTimed(step.Clock, now));
                traceParents.Add(clockEvent.TraceParent ?? System.Diagnostics.Activity.Current?.Id);
            }
            else if (ClockRules.ArrivedTooLate(clock, clockEvent.Fact))
            {
                LogAfterStop(clockEvent.ContactId, clockEvent.Fact);
            }
        }
        await using var writes = new NpgsqlBatch(transaction.Connection, transaction);
        AlertWrites? alertWrites = null;
        if (changed.Count > 0)
        {
            alertWrites = alerts.Writes(changed.Values);
            writes.BatchCommands.Add(ClockStore.SaveCommand(changed.Values));
            foreach (var command in alertWrites.Commands)
            {
                writes.BatchCommands.Add(command);
            }
        }
        if (timed.Count > 0)
        {
            writes.BatchCommands.Add(EventOutbox.AddRangeCommand(timed, traceParents));
        }
        if (writes.BatchCommands.Count > 0)
        {
            await writes.ExecuteNonQueryAsync(cancellationToken);
        }
        return (timed.Count, alertWrites?.Earliest);
    }

    // Nothing for an operator to do: the decision was timed against the rating known then (DecisionRecorded
    // carries its RAG). Events of one contact arrive out of order often under an import's bursts.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Contact {ContactId}'s clock had stopped when {Fact}, made before the decision, arrived; it is left as timed")]
    private partial void LogAfterStop(string contactId, ClockFact fact);
}
