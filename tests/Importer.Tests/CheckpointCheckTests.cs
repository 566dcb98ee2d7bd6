using Mash.Importer.Replay;

namespace Mash.Importer.Tests;

public sealed class CheckpointCheckTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"mash-import-{Guid.NewGuid():N}.checkpoint");

    public void Dispose() => File.Delete(path);

    [Fact]
    public async Task A_checkpoint_whose_contact_the_platform_has_lets_the_run_go_on()
    {
        using var checkpoint = Kept("0190-contact");
        var asked = new List<string>();

        await CheckpointCheck.EnsureKeptForThisPlatformAsync(checkpoint, path, id => { asked.Add(id); return Task.FromResult(true); });

        Assert.Equal(["0190-contact"], asked);
    }

    [Fact]
    public async Task A_checkpoint_whose_contact_the_platform_lacks_stops_the_run_and_says_what_to_do()
    {
        using var checkpoint = Kept("0190-contact");

        var stale = await Assert.ThrowsAsync<StaleCheckpointException>(() =>
            CheckpointCheck.EnsureKeptForThisPlatformAsync(checkpoint, path, _ => Task.FromResult(false)));

        Assert.Contains(path, stale.Message, StringComparison.Ordinal);
        Assert.Contains("0190-contact", stale.Message, StringComparison.Ordinal);
        Assert.Contains("--no-checkpoint", stale.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_checkpoint_that_remembers_no_contact_asks_the_platform_nothing()
    {
        using var checkpoint = Checkpoint.Open(path);

        await CheckpointCheck.EnsureKeptForThisPlatformAsync(checkpoint, path, _ => throw new InvalidOperationException("asked"));
    }

    private Checkpoint Kept(string contactId)
    {
        using (var first = Checkpoint.Open(path))
        {
            first.RememberContact("C-1", contactId);
        }
        return Checkpoint.Open(path);
    }
}
