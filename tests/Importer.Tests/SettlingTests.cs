using Grpc.Core;
using Mash.Importer.Replay;

namespace Mash.Importer.Tests;

public sealed class SettlingTests
{
    private readonly Settling settling = new(TimeSpan.FromMinutes(1));

    private static Func<Task<int>> RefusedThenDone(int refusals, StatusCode code)
    {
        var calls = 0;
        return () => ++calls <= refusals ? throw new RpcException(new Status(code, "not yet")) : Task.FromResult(calls);
    }

    [Fact]
    public async Task A_call_refused_until_the_platform_catches_up_is_tried_again_and_counted()
    {
        var calls = await settling.RetryAsync(RefusedThenDone(2, StatusCode.FailedPrecondition), CancellationToken.None);

        Assert.Equal((3, 2), (calls, settling.TriedAgain));
    }

    [Fact]
    public async Task A_call_refused_for_good_is_not_tried_again()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => settling.RetryAsync(RefusedThenDone(1, StatusCode.InvalidArgument), CancellationToken.None));

        Assert.Equal((StatusCode.InvalidArgument, 0), (error.StatusCode, settling.TriedAgain));
    }
}
