using System.Threading.Channels;
using Mash.Contracts.Events.V1;

namespace Mash.Outcomes.Feed;

/// <summary>One open stream's buffer of outcomes. Dispose it when the stream ends.</summary>
internal sealed class OutcomeSubscription : IDisposable
{
    private readonly Channel<OutcomeRecorded> channel;
    private readonly Action<OutcomeSubscription> unsubscribe;
    // Never disposed: it has no timer or links, and a Publish racing Dispose may still cancel it.
    private readonly CancellationTokenSource overflowed = new();

    public OutcomeSubscription(int capacity, Action<OutcomeSubscription> unsubscribe)
    {
        channel = Channel.CreateBounded<OutcomeRecorded>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        this.unsubscribe = unsubscribe;
    }

    /// <summary>True once the subscriber fell a whole buffer behind and was cut off.</summary>
    public bool IsTooSlow => overflowed.IsCancellationRequested;

    /// <summary>Cancelled when the subscriber is cut off, also ending a write stuck on a reader that stopped reading.</summary>
    public CancellationToken TooSlow => overflowed.Token;

    public IAsyncEnumerable<OutcomeRecorded> ReadAllAsync(CancellationToken cancellationToken) => channel.Reader.ReadAllAsync(cancellationToken);

    /// <summary>False, and the subscription ends, when the buffer is full.</summary>
    internal bool TryDeliver(OutcomeRecorded outcome)
    {
        if (channel.Writer.TryWrite(outcome))
        {
            return true;
        }
        if (channel.Writer.TryComplete())
        {
            overflowed.Cancel();
        }
        return false;
    }

    public void Dispose()
    {
        unsubscribe(this);
        channel.Writer.TryComplete();
    }
}
