using Mash.Quality.Live;
using Mash.ServiceDefaults;
using MassTransit;
using Npgsql;

namespace Mash.Quality.Consumers;

/// <summary>
/// Every Quality consumer: reads each event of a batch into its fact, records the facts of the
/// events not applied before in one transaction (the inbox, keyed by <c>inbox</c>), then
/// tells the watches, after the commit so a watch reads what changed. Each consumer names its inbox
/// key itself, a constant: the key is stored with every event applied, so renaming a class must not
/// change it (the keys are the class names they had when first shipped, so applied events stay applied).
/// </summary>
internal abstract class FactConsumer<TMessage, TFact>(
    string inbox,
    NpgsqlDataSource dataSource,
    FactChanges changes,
    Func<TMessage, (string EventId, TFact Fact)> read,
    Func<NpgsqlTransaction, IReadOnlyList<TFact>, CancellationToken, Task> record) : IConsumer<EventBatch<TMessage>>
    where TMessage : class, Google.Protobuf.IMessage<TMessage>, new()
{
    public async Task Consume(ConsumeContext<EventBatch<TMessage>> context)
    {
        await context.ApplyOnceAsync(dataSource, inbox, read, record);
        changes.Changed();
    }
}
