namespace Mash.ServiceDefaults.Tests;

/// <summary>When the dispatcher holds events back for writers, and when it stops holding them.</summary>
public sealed class OutboxYieldTests
{
    private static readonly TimeSpan MaxYield = TimeSpan.FromSeconds(10);
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void With_no_write_under_way_it_publishes_at_once()
    {
        var yielding = new OutboxYield(MaxYield);

        Assert.Equal(TimeSpan.Zero, yielding.WaitBeforePublishing(writing: false, Start));
    }

    [Fact]
    public void While_writes_go_on_it_waits_what_is_left_of_MaxYield_from_its_first_wait()
    {
        var yielding = new OutboxYield(MaxYield);

        Assert.Equal(MaxYield, yielding.WaitBeforePublishing(writing: true, Start));
        Assert.Equal(TimeSpan.FromSeconds(7), yielding.WaitBeforePublishing(writing: true, Start.AddSeconds(3)));
        // A pause in the writes lets a batch out without restarting the clock.
        Assert.Equal(TimeSpan.Zero, yielding.WaitBeforePublishing(writing: false, Start.AddSeconds(4)));
        Assert.Equal(TimeSpan.FromSeconds(5), yielding.WaitBeforePublishing(writing: true, Start.AddSeconds(5)));
    }

    [Fact]
    public void Once_MaxYield_has_passed_it_publishes_until_it_has_caught_up()
    {
        var yielding = new OutboxYield(MaxYield);
        yielding.WaitBeforePublishing(writing: true, Start);

        Assert.Equal(TimeSpan.Zero, yielding.WaitBeforePublishing(writing: true, Start + MaxYield));
        Assert.Equal(TimeSpan.Zero, yielding.WaitBeforePublishing(writing: true, Start + MaxYield + TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void Having_caught_up_it_yields_to_the_next_burst_for_a_whole_MaxYield()
    {
        var yielding = new OutboxYield(MaxYield);
        yielding.WaitBeforePublishing(writing: true, Start);
        yielding.WaitBeforePublishing(writing: true, Start + MaxYield);

        yielding.CaughtUp();

        Assert.Equal(MaxYield, yielding.WaitBeforePublishing(writing: true, Start.AddMinutes(1)));
    }

    [Fact]
    public void A_MaxYield_of_zero_never_holds_events_back()
    {
        var yielding = new OutboxYield(TimeSpan.Zero);

        Assert.Equal(TimeSpan.Zero, yielding.WaitBeforePublishing(writing: true, Start));
    }
}
