namespace Mash.ServiceDefaults.Tests.Operations;

public sealed class BrokerChannelTests
{
    [Fact]
    public async Task A_channel_that_never_finishes_closing_is_left_to_itself_after_the_timeout()
    {
        var close = BrokerChannel.DisposeQuietlyAsync(new NeverClosed(), TimeSpan.FromMilliseconds(50));

        // Far longer than the timeout; a close that waited for ever would fail here.
        Assert.Same(close, await Task.WhenAny(close, Task.Delay(TimeSpan.FromSeconds(30))));
        await close;
    }

    [Fact]
    public async Task A_channel_that_fails_as_it_is_disposed_is_disposed_quietly()
    {
        await BrokerChannel.DisposeQuietlyAsync(new ClosedByBroker(), BrokerChannel.CloseTimeout);
    }

    private sealed class NeverClosed : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => new(new TaskCompletionSource().Task);
    }

    private sealed class ClosedByBroker : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => throw new ObjectDisposedException("channel");
    }
}
