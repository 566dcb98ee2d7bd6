using Mash.Timeliness.Clocks;
using Npgsql;
using NpgsqlTypes;

namespace Mash.Timeliness.Alerts;

/// <summary>
/// Keeps <c>alert_deadlines</c> in step with the clocks, in the consumers' transaction: a clock
/// with a deadline is upserted (a re-rating moves its moments), any other (decided, no target) is
/// removed. Which moments were already alerted stays on the row, so nothing is raised twice.
/// </summary>
internal sealed class AlertSchedule(AlertMoments moments, AlertSignals signals)
{
    /// <summary>The writes for <paramref name="changed"/> clocks, to run in the transaction that changed them.</summary>
    public AlertWrites Writes(IReadOnlyCollection<ClockRecord> changed)
    {
        var open = changed.Select(moments.DeadlineOf).OfType<AlertDeadline>().ToList();
        var commands = new List<NpgsqlBatchCommand>(2);
        if (open.Count > 0)
        {
            commands.Add(Upsert(open));
        }
        if (open.Count < changed.Count)
        {
            var remove = new NpgsqlBatchCommand("DELETE FROM alert_deadlines WHERE contact_id = ANY($1)");
            remove.Parameters.Add(new() { Value = changed.Select(c => c.ContactId).Except(open.Select(d => d.ContactId), StringComparer.Ordinal).ToArray() });
            commands.Add(remove);
        }
        // An approach comes no later than its breach: the earliest one bounds every moment written.
        return new(commands, open.Count > 0 ? open.Min(d => d.ApproachingAt) : null);
    }

    /// <summary>
    /// The writes committed: the scheduler looks again if a moment written may come before it wakes
    /// (or it is looking now, perhaps without seeing them), and is left asleep otherwise, so a busy
    /// stream of ratings costs it nothing.
    /// </summary>
    public void Committed(DateTimeOffset? earliest)
    {
        if (earliest is { } moment && signals.MayMiss(moment))
        {
            signals.DeadlineWritten.Wake();
        }
    }

    private static NpgsqlBatchCommand Upsert(IReadOnlyList<AlertDeadline> deadlines)
    {
        var command = new NpgsqlBatchCommand("""
            INSERT INTO alert_deadlines (contact_id, rag, agency_id, started_at, approaching_at, due_at)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::timestamptz[])
            ON CONFLICT (contact_id) DO UPDATE SET rag = excluded.rag, agency_id = excluded.agency_id, started_at = excluded.started_at,
                approaching_at = excluded.approaching_at, due_at = excluded.due_at
            """);
        command.Parameters.Add(new() { Value = deadlines.Select(d => d.ContactId).ToArray() });
        command.Parameters.Add(new() { Value = deadlines.Select(d => RagColumn.Name(d.Rag)).ToArray() });
        command.Parameters.Add(new() { Value = deadlines.Select(d => d.AgencyId).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(InstantArrays.Of(deadlines.Select(d => d.StartedAt)));
        command.Parameters.Add(InstantArrays.Of(deadlines.Select(d => d.ApproachingAt)));
        command.Parameters.Add(InstantArrays.Of(deadlines.Select(d => d.DueAt)));
        return command;
    }
}
