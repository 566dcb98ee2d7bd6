using Mash.Quality.Live;
using Mash.ServiceDefaults;
using MassTransit;
using Npgsql;

namespace Mash.Quality.Consumers;

/// <summary>
/// Every Quality consumer: reads each event of a batch into its fact, records the facts of the
/// events not applied before in one transaction (the inbox, keyed by the consumer's name), then tells
/// the watches, after the commit so a watch reads what changed.
/// </summary>
internal abstract class FactConsumer<TMessage, TFact>(
    NpgsqlDataSource dataSource,
    FactChanges changes,
    Func<TMessage, (string EventId, TFact Fact)> read,
    Func<NpgsqlTransaction, IReadOnlyList<TFact>, CancellationToken, Task> record) : IConsumer<EventBatch<TMessage>>
    where TMessage : class, Google.Protobuf.IMessage<TMessage>, new()
{
    public async Task Consume(ConsumeContext<EventBatch<TMessage>> context)
    {
        await context.ApplyOnceAsync(dataSource, GetType().Name, read, record);
        changes.Changed();
    }
}
