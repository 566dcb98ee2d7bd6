using Grpc.Core;
using Mash.Importer.Replay;

namespace Mash.Importer.Tests;

public sealed class RunStoppedTests
{
    [Theory]
    [InlineData(StatusCode.Unauthenticated)]
    [InlineData(StatusCode.PermissionDenied)]
    public void A_token_the_platform_refuses_stops_the_run_asking_for_a_new_one(StatusCode code)
    {
        var stopped = RunStopped.Explain(new RpcException(new Status(code, "an expired token")));

        Assert.NotNull(stopped);
        Assert.Equal(2, stopped.Value.ExitCode);
        Assert.Contains("an expired token", stopped.Value.Message, StringComparison.Ordinal);
        Assert.Contains("new token", stopped.Value.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_checkpoint_kept_against_another_platform_stops_the_run_with_its_own_words()
    {
        var stopped = RunStopped.Explain(new StaleCheckpointException("kept against another platform"));

        Assert.Equal(("kept against another platform", 2), stopped);
    }

    [Theory]
    [InlineData(StatusCode.Unavailable)]
    [InlineData(StatusCode.Internal)]
    public void Any_other_failure_is_not_explained_away(StatusCode code) =>
        Assert.Null(RunStopped.Explain(new RpcException(new Status(code, "down"))));
}
