using Mash.Contracts.Events.V1;
using Mash.Outcomes.Feed;
using Mash.Outcomes.Tests.Infrastructure;

namespace Mash.Outcomes.Tests.Feed;

public sealed class OutcomeBroadcasterTests
{
    private static OutcomeRecorded Outcome(string caseRef) => new() { CaseRef = caseRef, Outcome = "advice" };

    private static async Task<List<string>> ReadAsync(OutcomeSubscription subscription, int count)
    {
        var read = new List<string>();
        await foreach (var outcome in subscription.ReadAllAsync(CancellationToken.None))
        {
            read.Add(outcome.CaseRef);
            if (read.Count == count)
            {
                break;
            }
        }
        return read;
    }

    [Fact]
    public async Task Every_subscriber_receives_every_outcome_in_order()
    {
        var broadcaster = new OutcomeBroadcaster(TestJourneys.Options());
        using var first = broadcaster.Subscribe();
        using var second = broadcaster.Subscribe();
        broadcaster.Publish(Outcome("a"));
        broadcaster.Publish(Outcome("b"));
        Assert.Equal(["a", "b"], await ReadAsync(first, 2));
        Assert.Equal(["a", "b"], await ReadAsync(second, 2));
    }

    [Fact]
    public async Task A_subscriber_hears_only_what_is_published_after_it_subscribed()
    {
        var broadcaster = new OutcomeBroadcaster(TestJourneys.Options());
        broadcaster.Publish(Outcome("before"));
        using var subscription = broadcaster.Subscribe();
        broadcaster.Publish(Outcome("after"));
        Assert.Equal(["after"], await ReadAsync(subscription, 1));
    }

    [Fact]
    public async Task A_subscriber_a_whole_buffer_behind_is_cut_off_and_the_others_carry_on()
    {
        var broadcaster = new OutcomeBroadcaster(TestJourneys.Options(feedCapacity: 2));
        using var slow = broadcaster.Subscribe();
        using var fast = broadcaster.Subscribe();
        broadcaster.Publish(Outcome("a"));
        broadcaster.Publish(Outcome("b"));
        Assert.Equal(["a", "b"], await ReadAsync(fast, 2));

        broadcaster.Publish(Outcome("c"));

        Assert.True(slow.IsTooSlow);
        Assert.True(slow.TooSlow.IsCancellationRequested);
        Assert.Equal(1, broadcaster.SubscriberCount);
        Assert.Equal(["c"], await ReadAsync(fast, 1));
    }

    [Fact]
    public async Task A_cut_off_subscriber_still_reads_what_it_had_then_its_stream_ends()
    {
        var broadcaster = new OutcomeBroadcaster(TestJourneys.Options(feedCapacity: 1));
        using var slow = broadcaster.Subscribe();
        broadcaster.Publish(Outcome("a"));
        broadcaster.Publish(Outcome("b"));
        Assert.Equal(["a"], await ReadAsync(slow, int.MaxValue));
    }

    [Fact]
    public void A_disposed_subscription_is_no_longer_fed()
    {
        var broadcaster = new OutcomeBroadcaster(TestJourneys.Options());
        var subscription = broadcaster.Subscribe();
        subscription.Dispose();
        broadcaster.Publish(Outcome("a"));
        Assert.Equal(0, broadcaster.SubscriberCount);
        Assert.False(subscription.IsTooSlow);
    }
}
