using Mash.Contracts.Events.V1;
using Mash.Outcomes.Feed;
using Mash.ServiceDefaults;
using MassTransit;

namespace Mash.Outcomes.Consumers;

/// <summary>
/// Hears every OutcomeCorrected, on this replica's own temporary queue as <see cref="OutcomeFeedConsumer"/>,
/// and hands this replica's open streams the correction's feed item (the case's outcome again, of
/// the correction's revision), read from the feed by its sequence: the event itself is not what a board sees.
/// </summary>
internal sealed class OutcomeCorrectionFeedConsumer(OutcomeBroadcaster broadcaster, OutcomeFeedLog log) : IConsumer<EventBatch<OutcomeCorrected>>
{
    public async Task Consume(ConsumeContext<EventBatch<OutcomeCorrected>> context)
    {
        foreach (var correction in context.Message.Events.Where(c => c.FeedSequence > 0))
        {
            var items = await log.ReadAsync(correction.FeedSequence - 1, 1, context.CancellationToken);
            if (items is [var item] && item.FeedSequence == correction.FeedSequence)
            {
                broadcaster.Publish(item);
            }
        }
    }
}
