using MassTransit;
using MassTransit.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mash.ServiceDefaults;

/// <summary>
/// Settings under <c>ServiceDefaults:EventBatches</c>: how each batch consumer of the service gathers
/// events. A batch is written in one transaction on one database connection, so a service holds at
/// most <see cref="ConcurrencyLimit"/> connections per batch consumer for its consumers.
/// </summary>
public sealed class EventBatchOptions
{
    public const string SectionName = "ServiceDefaults:EventBatches";

    /// <summary>The most events in one batch (one transaction).</summary>
    public int MessageLimit { get; set; } = 200;

    /// <summary>How long a batch waits to fill after its first event: the most a lone event waits.</summary>
    public TimeSpan TimeLimit { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Batches of one consumer written at once, each on a connection of its own; never more than the endpoint's share of the pool (<see cref="ConsumerBudget.ConcurrentMessageLimit"/>).</summary>
    public int ConcurrencyLimit { get; set; } = 2;

    public bool IsUsable => MessageLimit > 0 && TimeLimit > TimeSpan.Zero && ConcurrencyLimit > 0;
}

public static class EventBatches
{
    /// <summary>
    /// Adds <typeparamref name="TConsumer"/>, an <c>IConsumer&lt;Batch&lt;T&gt;&gt;</c>, with the batch
    /// limits of <see cref="EventBatchOptions"/>. MassTransit raises its endpoint's prefetch and
    /// concurrent-message limit to MessageLimit × ConcurrencyLimit so batches can fill, and retries a
    /// batch that fails as a whole; see <see cref="ApplyAsync"/> for a malformed event in a batch.
    /// </summary>
    public static IConsumerRegistrationConfigurator<TConsumer> AddEventBatchConsumer<TConsumer>(this IBusRegistrationConfigurator bus)
        where TConsumer : class, IConsumer
    {
        bus.AddOptions<EventBatchOptions>()
            .BindConfiguration(EventBatchOptions.SectionName)
            .Validate(options => options.IsUsable, $"{EventBatchOptions.SectionName} needs MessageLimit, TimeLimit and ConcurrencyLimit above zero.")
            .ValidateOnStart();
        return bus.AddConsumer<TConsumer>((context, consumer) =>
        {
            var limits = context.GetRequiredService<IOptions<EventBatchOptions>>().Value;
            // A batch holds one connection: no more batches at once than the endpoint's share of the pool.
            var concurrency = context.GetService<ConsumerBudget>() is { } budget
                ? Math.Min(limits.ConcurrencyLimit, budget.ConcurrentMessageLimit)
                : limits.ConcurrencyLimit;
            consumer.Options<BatchOptions>(batch => batch
                .SetMessageLimit(limits.MessageLimit)
                .SetTimeLimit(limits.TimeLimit)
                .SetConcurrencyLimit(concurrency));
        });
    }

    /// <summary>
    /// Consumes a batch: reads each event with <paramref name="read"/>, and applies those it reads,
    /// together and in their order, with <paramref name="apply"/>. An event <paramref name="read"/>
    /// refuses (malformed, which no retry mends) is left out; once the rest are applied the batch fails
    /// with its error. MassTransit retries the batch (the rest then change nothing, by the inbox),
    /// then acknowledges the events marked delivered here and moves only the refused ones to the
    /// <c>_error</c> queue, for an operator.
    /// </summary>
    public static async Task ApplyAsync<TMessage, TEvent>(
        ConsumeContext<Batch<TMessage>> context, Func<ConsumeContext<TMessage>, TEvent> read, Func<IReadOnlyList<TEvent>, Task> apply)
        where TMessage : class
    {
        var events = new List<TEvent>(context.Message.Length);
        var applied = new List<ConsumeContext<TMessage>>(context.Message.Length);
        var refused = new List<Exception>();
        foreach (var delivery in context.Message)
        {
            try
            {
                events.Add(read(delivery));
                applied.Add(delivery);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                refused.Add(exception);
            }
        }
        if (events.Count > 0)
        {
            await apply(events).ConfigureAwait(false);
        }
        if (refused.Count > 0)
        {
            // A message of a failed batch that is marked delivered is acknowledged, not faulted.
            foreach (var delivery in applied)
            {
                await delivery.NotifyConsumed(delivery, TimeSpan.Zero, nameof(EventBatches)).ConfigureAwait(false);
            }
            throw new AggregateException($"{refused.Count} of the batch's {context.Message.Length} events cannot be applied.", refused);
        }
    }

    /// <summary>
    /// The trace an event in a batch belongs to (the W3C id of the activity that sent it), for an
    /// event the batch causes: the whole batch is consumed in one trace, but each contact's journey
    /// should stay one trace of its own.
    /// </summary>
    public static string? TraceParentOf(ConsumeContext delivery) =>
        delivery.ReceiveContext.TransportHeaders.Get<string>(DiagnosticHeaders.ActivityId);
}
