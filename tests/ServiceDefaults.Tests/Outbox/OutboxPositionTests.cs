namespace Mash.ServiceDefaults.Tests;

/// <summary>Where the dispatcher's batches start: after the last id taken, and from the beginning again at least every rescan interval.</summary>
public sealed class OutboxPositionTests
{
    private static readonly TimeSpan Rescan = TimeSpan.FromSeconds(1);
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_first_batch_starts_from_the_beginning()
    {
        Assert.Equal(0, new OutboxPosition(Rescan).Next(Start));
    }

    [Fact]
    public void Later_batches_start_after_the_highest_id_taken()
    {
        var position = new OutboxPosition(Rescan);
        position.Next(Start);

        position.Took(256);
        var afterFirst = position.Next(Start.AddMilliseconds(10));
        position.Took(100); // a straggler found below the position does not move it back
        var afterStraggler = position.Next(Start.AddMilliseconds(20));

        Assert.Equal(256, afterFirst);
        Assert.Equal(256, afterStraggler);
    }

    [Fact]
    public void Once_the_rescan_interval_has_passed_a_batch_starts_from_the_beginning_again()
    {
        var position = new OutboxPosition(Rescan);
        position.Next(Start);
        position.Took(512);

        Assert.Equal(0, position.Next(Start + Rescan));
        position.Took(600);
        Assert.Equal(600, position.Next(Start + Rescan + TimeSpan.FromMilliseconds(500)));
    }
}
