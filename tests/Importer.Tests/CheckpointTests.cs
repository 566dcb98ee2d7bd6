using Mash.Importer.Replay;

namespace Mash.Importer.Tests;

public sealed class CheckpointTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"mash-import-{Guid.NewGuid():N}.checkpoint");

    private static readonly ImportStep Step = new DecisionStep("decisions.csv", 2, DateTimeOffset.UnixEpoch, "C-1", true, "");

    public void Dispose() => File.Delete(path);

    [Fact]
    public void What_one_run_did_the_next_finds_done()
    {
        using (var first = Checkpoint.Open(path))
        {
            first.RememberContact("C-1", "0190-contact");
            first.RememberRequest("IR-1", "0190-request");
            first.MarkDone(Step);
        }

        using var next = Checkpoint.Open(path);

        Assert.True(next.IsDone(Step));
        Assert.Equal("0190-contact", next.ContactIdOf("C-1"));
        Assert.Equal("0190-request", next.RequestIdOf("IR-1"));
    }

    [Fact]
    public void Without_a_file_nothing_is_done_yet()
    {
        using var none = Checkpoint.Open(null);

        Assert.False(none.IsDone(Step));
    }
}
