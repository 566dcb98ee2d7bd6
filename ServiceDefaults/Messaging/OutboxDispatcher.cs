using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Mash.ServiceDefaults;

/// <summary>
/// Publishes outbox rows a batch at a time, each batch's events of one type as one message
/// (<see cref="EventBatch{T}"/>), deleting them in a transaction that commits once RabbitMQ has
/// confirmed it, or rolls back if it has not within <see cref="OutboxOptions.PublishTimeout"/>. Rows are taken with SKIP LOCKED, so replicas share the work; a crash between publish
/// and commit sends a row again, which is why every consumer is idempotent. While this process writes
/// events (<see cref="EventOutbox.BeginWrite"/>) it holds back, within <see cref="OutboxOptions.MaxYield"/>;
/// while the consumers of its events fall behind (<see cref="OutboxOptions.PaceQueues"/>) it waits for them.
/// </summary>
internal sealed partial class OutboxDispatcher(
    NpgsqlDataSource dataSource,
    EventOutbox outbox,
    IServiceProvider services,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger,
    DownstreamQueues? downstream = null) : BackgroundService
{
    internal const int BatchSize = 256;

    // The batch's ids are an array computed once (an InitPlan) and the rows deleted by the primary key,
    // whatever the plan: statements are prepared, and a generic plan knows no parameter. Written as
    // "WHERE id IN (subquery)", a generic plan read the whole table for each batch, and a backlog of
    // tens of thousands of events drained at hundreds a second. It starts after $1, the dispatcher's
    // position (OutboxPosition), locks the next BatchSize rows, and takes those up to BatchSize events
    // (a packed row holds many; the first row always), so a batch is at most about BatchSize events.
    // The last column says how many rows it locked: fewer than BatchSize, all taken, means caught up.
    internal static readonly string TakeBatchSql = $"""
        WITH locked AS (
            SELECT id, events FROM outbox_messages WHERE id > $1 ORDER BY id LIMIT {BatchSize} FOR UPDATE SKIP LOCKED),
        taken AS (
            SELECT id FROM (SELECT id, sum(events) OVER (ORDER BY id) AS upto, row_number() OVER (ORDER BY id) AS n FROM locked) l
            WHERE upto <= {BatchSize} OR n = 1)
        DELETE FROM outbox_messages
        WHERE id = ANY(ARRAY(SELECT id FROM taken))
        RETURNING id, message_type, coalesce(bodies, ARRAY[body]), coalesce(trace_parents, ARRAY[trace_parent]), (SELECT count(*) FROM locked)
        """;

    internal static readonly TimeSpan RescanInterval = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>How often it asks, while paced, whether the consumers have made room (<see cref="OutboxOptions.PaceQueues"/>).</summary>
    internal static readonly TimeSpan PaceInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan FailureBackoff = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long after its last wake or published event it keeps polling every <see cref="PollInterval"/>
    /// before falling back to <see cref="OutboxOptions.IdlePollInterval"/>: a wake may come before its
    /// writer commits (<see cref="EventOutbox.AddAsync"/> wakes inside the transaction), and a row that
    /// committed behind a higher id waits for the next rescan (<see cref="RescanInterval"/>).
    /// </summary>
    internal static readonly TimeSpan BusyWindow = TimeSpan.FromSeconds(2);

    private readonly OutboxYield yielding = new(options.Value.MaxYield);
    private readonly OutboxPosition position = new(RescanInterval);
    private readonly TimeSpan idlePoll = options.Value.IdlePollInterval;
    private readonly TimeSpan linger = options.Value.Linger;
    private readonly TimeSpan publishTimeout = options.Value.PublishTimeout;
    private readonly DownstreamQueues? paced = downstream is { Queues.Count: > 0 } ? downstream : null;
    private long heldBack;
    private long pacedBack;
    private long batches;
    private long timedOut;

    /// <summary>How many times it has waited for writers rather than publish.</summary>
    internal long HeldBack => Interlocked.Read(ref heldBack);

    /// <summary>How many times it has waited for the consumers of its events to make room.</summary>
    internal long PacedBack => Interlocked.Read(ref pacedBack);

    /// <summary>How many batches RabbitMQ did not confirm within <see cref="OutboxOptions.PublishTimeout"/>, left in the outbox to publish again.</summary>
    internal long TimedOut => Interlocked.Read(ref timedOut);

    /// <summary>How many batches it has asked PostgreSQL for, empty ones included: what an idle service costs.</summary>
    internal long Batches => Interlocked.Read(ref batches);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (services.GetService<DatabaseMigrationStatus>() is { } migrations)
        {
            await migrations.WaitUntilCompletedAsync(stoppingToken);
        }
        // The bus itself publishes: IPublishEndpoint is scoped to a consume context or request.
        var publisher = services.GetRequiredService<IBus>();
        var lastActive = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A write ending wakes it; the poll interval caps the wait, as a missed wake would.
                var wait = yielding.WaitBeforePublishing(outbox.IsBeingWritten, time.GetUtcNow());
                if (wait > TimeSpan.Zero)
                {
                    Interlocked.Increment(ref heldBack);
                    await outbox.WaitAsync(wait < PollInterval ? wait : PollInterval, stoppingToken);
                    lastActive = time.GetUtcNow();
                }
                else if (paced is not null && await paced.AnyBehindAsync(stoppingToken))
                {
                    Interlocked.Increment(ref pacedBack);
                    await Task.Delay(PaceInterval, time, stoppingToken);
                }
                else if (await DispatchBatchAsync(publisher, stoppingToken) is var (published, caughtUp) && caughtUp)
                {
                    yielding.CaughtUp();
                    var now = time.GetUtcNow();
                    if (published > 0)
                    {
                        lastActive = now;
                    }
                    // Idle, it asks PostgreSQL only now and then (for rows of a replica that died, or
                    // a missed wake): polling every 200 ms cost an idle service several % of a core.
                    var poll = now - lastActive < BusyWindow ? PollInterval : idlePoll;
                    if (await outbox.WaitAsync(poll, stoppingToken))
                    {
                        lastActive = time.GetUtcNow();
                        if (linger > TimeSpan.Zero)
                        {
                            await Task.Delay(linger, time, stoppingToken);
                        }
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogDispatchFailed(logger, ex);
                await Task.Delay(FailureBackoff, stoppingToken);
            }
        }
    }

    /// <summary>Publishes the next batch: how many events it held, and whether it was all there was.</summary>
    private async Task<(int Events, bool CaughtUp)> DispatchBatchAsync(IPublishEndpoint publisher, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref batches);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var (rows, locked) = await TakeBatchAsync(connection, transaction, position.Next(time.GetUtcNow()), cancellationToken);
        if (rows.Count == 0)
        {
            return (0, true);
        }
        // One message a type (one in all, as a rule; a batch holds BatchSize events at most, or one larger
        // row): RabbitMQ, MassTransit and every consumer then pay their per-message cost once a batch
        // (EventBatch). Consumers run concurrently anyway, so none could rely on the order of types.
        await PublishWithinTimeoutAsync(publisher, rows, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var events = rows.Sum(row => row.Bodies.Length);
        outbox.Published(events);
        position.Took(rows.Max(row => row.Id));
        return (events, locked < BatchSize && locked == rows.Count);
    }

    // A publish that outlives its timeout is left behind, not awaited (it may never end); the
    // transaction rolls back, so its rows are taken again.
    private async Task PublishWithinTimeoutAsync(IPublishEndpoint publisher, List<OutboxRow> rows, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(publishTimeout, time);
        using var publishing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var published = Task.WhenAll(rows.GroupBy(row => row.Type).Select(group => PublishAsync(publisher, group.Key, [.. group], publishing.Token)));
        try
        {
            await published.WaitAsync(publishing.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            Interlocked.Increment(ref timedOut);
            _ = published.ContinueWith(static t => t.Exception, TaskScheduler.Default);
            throw new TimeoutException($"RabbitMQ did not confirm {rows.Sum(row => row.Bodies.Length)} events within {publishTimeout}; they stay in the outbox.");
        }
    }

    private static async Task PublishAsync(IPublishEndpoint publisher, string type, IReadOnlyList<OutboxRow> rows, CancellationToken cancellationToken)
    {
        var traceParents = rows.SelectMany(row => row.TraceParents).ToArray();
        // MassTransit's send span, and through its headers every consumer's, joins the first event's trace.
        using var activity = OutboxTelemetry.StartPublish(type, traceParents);
        var (batchType, batch) = OutboxMessageTypes.Batch(type, [.. rows.Select(row => row.Bodies)], traceParents);
        await publisher.Publish(batch, batchType, cancellationToken);
    }

    /// <summary>
    /// The oldest rows after <paramref name="after"/> that no other dispatcher holds, deleted in the
    /// open transaction: they are gone only if it commits (after RabbitMQ confirmed them), and back if
    /// it rolls back or the process dies. One statement, so a row costs one index scan and one WAL
    /// record rather than a lock and a delete.
    /// </summary>
    private static async Task<(List<OutboxRow> Rows, long Locked)> TakeBatchAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long after, CancellationToken cancellationToken)
    {
        var rows = new List<OutboxRow>();
        long locked = 0;
        await using var take = TakeBatch(connection, transaction, after);
        await using var reader = await take.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new(reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<byte[][]>(2), reader.GetFieldValue<string?[]>(3)));
            locked = reader.GetInt64(4);
        }
        return (rows, locked);
    }

    /// <summary>
    /// <see cref="TakeBatchSql"/>, with the transaction's commit not waiting for its WAL to reach the
    /// disk: a delete lost in a crash only publishes its events again, which consumers ignore, and the
    /// flush was half of each batch's time, holding back an import paced by its events' publishing.
    /// SET LOCAL ends with the transaction, so the pooled connection's next writer commits durably.
    /// </summary>
    internal static NpgsqlBatch TakeBatch(NpgsqlConnection connection, NpgsqlTransaction transaction, long after) =>
        new(connection, transaction)
        {
            BatchCommands =
            {
                new("SET LOCAL synchronous_commit TO off"),
                new(TakeBatchSql) { Parameters = { new() { Value = after } } },
            },
        };

    /// <summary>A row's events: one, or a packed row's many.</summary>
    private sealed record OutboxRow(long Id, string Type, byte[][] Bodies, string?[] TraceParents);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing from the outbox failed; retrying.")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception);
}
