using Mash.Quality.Live;
using Mash.ServiceDefaults;
using MassTransit;
using Npgsql;

namespace Mash.Quality.Consumers;

/// <summary>Quality's consumers apply a batch once, as every service's do, then tell the watches (after the commit, so a watch reads what changed).</summary>
internal static class AnnouncedBatches
{
    public static async Task ApplyOnceAndAnnounceAsync<TMessage, TFact>(
        this ConsumeContext<EventBatch<TMessage>> context,
        NpgsqlDataSource dataSource,
        FactChanges changes,
        string consumer,
        Func<TMessage, (string EventId, TFact Fact)> read,
        Func<NpgsqlTransaction, IReadOnlyList<TFact>, CancellationToken, Task> record)
        where TMessage : class, Google.Protobuf.IMessage<TMessage>, new()
    {
        await context.ApplyOnceAsync(dataSource, consumer, read, record);
        changes.Changed();
    }
}
