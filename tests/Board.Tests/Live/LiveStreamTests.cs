using Grpc.Core;
using Mash.Board.Components.Live;

namespace Mash.Board.Tests.Live;

public sealed class LiveStreamTests
{
    // A hang guard, not a timing: the one reconnect pauses a second.
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_broken_stream_is_opened_again_from_the_last_item_seen_and_a_refusal_ends_it()
    {
        using var guard = new CancellationTokenSource(Guard);
        var opened = new List<int>();
        var received = new List<int>();
        var states = new List<LiveState>();
        var last = 0;
        var answers = new Queue<(int[] Items, StatusCode End)>([([1, 2], StatusCode.Unavailable), ([3], StatusCode.PermissionDenied)]);

        await LiveStream.FollowAsync(
            _ =>
            {
                opened.Add(last);
                var (items, end) = answers.Dequeue();
                return Call(items, end);
            },
            item => { received.Add(last = item); return Task.CompletedTask; },
            state => { states.Add(state); return Task.CompletedTask; },
            guard.Token);

        Assert.Equal([0, 2], opened);
        Assert.Equal([1, 2, 3], received);
        Assert.Equal([LiveState.Connected, LiveState.Reconnecting, LiveState.Connected, LiveState.Refused], states);
    }

    [Theory]
    [InlineData(StatusCode.Unauthenticated, true)]
    [InlineData(StatusCode.PermissionDenied, true)]
    [InlineData(StatusCode.Unavailable, false)]
    [InlineData(StatusCode.ResourceExhausted, false)]
    public void Only_a_refusal_is_not_worth_asking_again(StatusCode status, bool refusal) => Assert.Equal(refusal, LiveStream.IsRefusal(status));

    private static AsyncServerStreamingCall<int> Call(int[] items, StatusCode end) =>
        new(new Reader(items, end), Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });

    private sealed class Reader(int[] items, StatusCode end) : IAsyncStreamReader<int>
    {
        private int next = -1;

        public int Current => items[next];

        public Task<bool> MoveNext(CancellationToken cancellationToken) =>
            ++next < items.Length ? Task.FromResult(true) : throw new RpcException(new Status(end, "ended"));
    }
}
