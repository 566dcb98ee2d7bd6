namespace Mash.ServiceDefaults;

/// <summary>
/// How much of the service's PostgreSQL pool its consumers may hold, and so how many messages each
/// receive endpoint handles at once: a message waits in RabbitMQ for a free slot rather than for a
/// connection it could time out waiting for (which would fail it into a retry). Of a pool of
/// <c>P</c>, <see cref="PostgresPoolOptions.BackgroundConnections"/> are kept for the outbox
/// dispatcher and health checks, and of the rest half is for consumers (<see cref="ConsumerConnections"/>)
/// and half for gRPC calls and group commits; the consumers' share is split evenly between the
/// service's receive endpoints, each of which takes at least one message at a time.
/// </summary>
/// <param name="PoolSize">The service's pool (<see cref="PostgresPoolOptions.MaxPoolSize"/>).</param>
/// <param name="ConsumerConnections">Connections the consumers may hold together.</param>
/// <param name="Endpoints">The service's receive endpoints (one per consumer).</param>
/// <param name="ConcurrentMessageLimit">Messages each endpoint handles at once (MassTransit's <c>ConcurrentMessageLimit</c>).</param>
/// <param name="PrefetchCount">Messages RabbitMQ hands each endpoint ahead of acknowledgement.</param>
/// <remarks>A message is a batch of events (<see cref="EventBatch{T}"/>), applied in one transaction on one connection.</remarks>
public sealed record ConsumerBudget(int PoolSize, int ConsumerConnections, int Endpoints, int ConcurrentMessageLimit, int PrefetchCount)
{
    /// <summary>Messages prefetched per message in hand: the next is there as soon as one finishes.</summary>
    public const int PrefetchPerMessage = 2;

    /// <summary>The connections the consumers may hold at most: <see cref="Endpoints"/> × <see cref="ConcurrentMessageLimit"/>.</summary>
    public int MostConsumerConnections => Endpoints * ConcurrentMessageLimit;

    /// <summary>
    /// The budget for <paramref name="endpoints"/> receive endpoints over a pool of
    /// <paramref name="poolSize"/>, with <see cref="MashBusOptions.ConsumerConnections"/>,
    /// <see cref="MashBusOptions.ConcurrentMessageLimit"/> and <see cref="MashBusOptions.PrefetchCount"/>
    /// where they are set. Fails at start when the consumers could take connections the pool cannot spare.
    /// </summary>
    public static ConsumerBudget For(MashBusOptions options, int poolSize, int endpoints)
    {
        endpoints = Math.Max(1, endpoints);
        var spare = poolSize - PostgresPoolOptions.BackgroundConnections;
        var consumerConnections = options.ConsumerConnections ?? Math.Max(1, spare / 2);
        var limit = options.ConcurrentMessageLimit ?? Math.Max(1, consumerConnections / endpoints);
        var budget = new ConsumerBudget(poolSize, consumerConnections, endpoints, limit, options.PrefetchCount ?? limit * PrefetchPerMessage);
        if (limit < 1 || budget.PrefetchCount < limit || consumerConnections < 1 || budget.MostConsumerConnections > spare)
        {
            throw new InvalidOperationException(
                $"The service's {endpoints} receive endpoint(s) handling {limit} message(s) each could hold {budget.MostConsumerConnections} " +
                $"PostgreSQL connections, but its pool of {poolSize} (ServiceDefaults:Postgres:MaxPoolSize) spares {spare} beside the outbox " +
                "and health checks: raise the pool or lower ServiceDefaults:Bus:ConcurrentMessageLimit (PrefetchCount at least that).");
        }
        return budget;
    }
}
