using MassTransit;

namespace Mash.ServiceDefaults;

/// <summary>
/// How a consumer's failure is retried, with MassTransit's own retry policies:
/// <list type="bullet">
/// <item>an <b>outage</b> (<see cref="IsOutage"/>: PostgreSQL unreachable, restarting or out of
/// connections, the pool's wait timed out, the broker gone) is retried with exponential back-off
/// and jitter (each interval randomised, and each wait again by ±25 %, so replicas and messages that
/// failed together do not all come back at once) for as long as an outage
/// lasts (<see cref="MashBusOptions.OutageRetryLimit"/> tries, at most
/// <see cref="MashBusOptions.OutageRetryMaxInterval"/> apart: about an hour by default), so it never
/// sends a message to <c>_error</c>. While its messages wait to be retried an endpoint takes no
/// more (they hold its <see cref="ConsumerBudget.ConcurrentMessageLimit"/> slots), so it pauses
/// and resumes by itself once the dependency is back. A service stopping meanwhile returns them to
/// the queue (MassTransit does not move a cancelled message to <c>_error</c>).</item>
/// <item>any other failure (a poison message) is retried <see cref="MashBusOptions.RetryLimit"/>
/// times at increasing intervals and then moved to <c>&lt;queue&gt;_error</c>, with its exception, for an operator.</item>
/// </list>
/// </summary>
/// <remarks>
/// MassTransit's kill switch and circuit breaker see a failure only once these retries have given
/// up, so they would add nothing to an outage the retries are still waiting out.
/// </remarks>
public static class ConsumerRetries
{
    public static void UseConsumerRetries(this IConsumePipeConfigurator pipe, MashBusOptions options)
    {
        // Two policies that never handle the same failure. The outage one is inside: it waits an
        // outage out on its own, and passes any other failure straight out to the poison one.
        pipe.UseMessageRetry(retry =>
        {
            retry.Ignore<Exception>(IsOutage);
            // A poison message fails the same way each time: jitter spreads only an outage's retries.
            retry.Incremental(options.RetryLimit, options.RetryInitialInterval, options.RetryIncrement);
        });
        pipe.UseMessageRetry(retry =>
        {
            retry.Handle<Exception>(IsOutage);
            retry.Exponential(options.OutageRetryLimit, options.RetryInitialInterval, options.OutageRetryMaxInterval, options.RetryIncrement);
        });
    }

    /// <summary>
    /// A failure of what the consumer depends on rather than of the message: the database
    /// unavailable (<see cref="DatabaseFailures.IsUnavailable"/>, which covers an exhausted pool and
    /// a connection attempt that timed out), or RabbitMQ unreachable.
    /// </summary>
    public static bool IsOutage(Exception exception) => exception switch
    {
        OperationCanceledException => false,
        _ when DatabaseFailures.IsUnavailable(exception) => true,
        RabbitMQ.Client.Exceptions.BrokerUnreachableException or RabbitMQ.Client.Exceptions.AlreadyClosedException => true,
        RabbitMqConnectionException => true,
        { InnerException: { } inner } => IsOutage(inner),
        _ => false,
    };
}
