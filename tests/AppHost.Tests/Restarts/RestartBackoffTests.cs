using Mash.AppHost.Restarts;

namespace Mash.AppHost.Tests.Restarts;

public sealed class RestartBackoffTests
{
    [Fact]
    public void Doubles_from_one_second_up_to_thirty()
    {
        var delays = Enumerable.Range(1, 8).Select(attempt => RestartBackoff.Default.DelayFor(attempt).TotalSeconds);

        Assert.Equal([1, 2, 4, 8, 16, 30, 30, 30], delays);
    }

    [Fact]
    public void A_very_late_attempt_stays_at_the_cap()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), RestartBackoff.Default.DelayFor(int.MaxValue));
    }

    [Fact]
    public void Attempts_count_from_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RestartBackoff.Default.DelayFor(0));
    }
}
