using Mash.Contracts.Events.V1;
using Mash.Outcomes.Feed;
using Mash.ServiceDefaults;
using MassTransit;

namespace Mash.Outcomes.Consumers;

/// <summary>
/// Hears every OutcomeRecorded, whichever replica recorded it, on this replica's own temporary
/// queue (see <see cref="Extensions.AddOutcomes{TBuilder}"/>), and hands it to this replica's
/// open streams. Nothing durable happens here, so no inbox: a live feed is only as good as now.
/// </summary>
internal sealed class OutcomeFeedConsumer(OutcomeBroadcaster broadcaster) : IConsumer<EventBatch<OutcomeRecorded>>
{
    public Task Consume(ConsumeContext<EventBatch<OutcomeRecorded>> context)
    {
        foreach (var outcome in context.Message.Events)
        {
            broadcaster.Publish(outcome);
        }
        return Task.CompletedTask;
    }
}
