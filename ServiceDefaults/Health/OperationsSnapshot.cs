namespace Mash.ServiceDefaults;

/// <summary>What one background sample saw: the database (null if the service has none) and the queues (null without a bus).</summary>
internal sealed record OperationsSnapshot(DatabaseSample? Database, QueueSample? Queues, DateTimeOffset TakenAt);

internal enum DatabaseState
{
    /// <summary>PostgreSQL answered and no request waited for a connection.</summary>
    Reachable,

    /// <summary>Requests are waiting for a pooled connection (or every connection was in use and the probe got none in time).</summary>
    Saturated,

    /// <summary>PostgreSQL refused, failed or did not answer in time with connections to spare.</summary>
    Unreachable,
}

/// <param name="Pool">The pool as Npgsql reports it, or null before it has.</param>
/// <param name="Outbox">The outbox's backlog, when the service has one and the sample could read it.</param>
/// <param name="Failure">Why it is unreachable: the exception, or null for no answer in time.</param>
internal sealed record DatabaseSample(DatabaseState State, PoolUsage? Pool, OutboxBacklog? Outbox, Exception? Failure = null);

/// <param name="Depths">Each queue's depth; the last known when the broker could not be asked.</param>
/// <param name="Failure">Why the broker could not be asked, or null.</param>
internal sealed record QueueSample(IReadOnlyList<QueueDepth> Depths, Exception? Failure = null)
{
    public bool IsReachable => Failure is null;
}
