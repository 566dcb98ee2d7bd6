using Mash.Contracts.Events.V1;
using Mash.Outcomes.Feed;
using MassTransit;

namespace Mash.Outcomes.Consumers;

/// <summary>
/// Hears every OutcomeRecorded, whichever replica recorded it, on this replica's own temporary
/// queue (see <see cref="Extensions.AddOutcomes{TBuilder}"/>), and hands it to this replica's
/// open streams. Nothing durable happens here, so no inbox: a live feed is only as good as now.
/// </summary>
internal sealed class OutcomeFeedConsumer(OutcomeBroadcaster broadcaster) : IConsumer<OutcomeRecorded>
{
    public Task Consume(ConsumeContext<OutcomeRecorded> context)
    {
        broadcaster.Publish(context.Message);
        return Task.CompletedTask;
    }
}
