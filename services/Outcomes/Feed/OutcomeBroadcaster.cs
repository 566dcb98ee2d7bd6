using System.Collections.Concurrent;
using Mash.Contracts.Events.V1;
using Microsoft.Extensions.Options;

namespace Mash.Outcomes.Feed;

/// <summary>
/// Fans each outcome out to every open subscription in this process. Delivery never waits: a
/// subscription whose buffer is full is ended (too slow) so one stalled dashboard cannot hold up
/// the bus consumer or the other dashboards.
/// </summary>
internal sealed class OutcomeBroadcaster(IOptions<OutcomesOptions> options)
{
    private readonly ConcurrentDictionary<OutcomeSubscription, byte> subscriptions = new();

    public int SubscriberCount => subscriptions.Count;

    public OutcomeSubscription Subscribe()
    {
        var subscription = new OutcomeSubscription(options.Value.FeedCapacity, Unsubscribe);
        subscriptions.TryAdd(subscription, 0);
        return subscription;
    }

    public void Publish(OutcomeRecorded outcome)
    {
        foreach (var subscription in subscriptions.Keys)
        {
            if (!subscription.TryDeliver(outcome))
            {
                Unsubscribe(subscription);
            }
        }
    }

    private void Unsubscribe(OutcomeSubscription subscription) => subscriptions.TryRemove(subscription, out _);
}
