namespace AppHost.Tests.Model;

public sealed class RestartBackoffTests
{
    [Fact]
    public void Delays_double_from_one_second_and_stop_at_thirty()
    {
        var delays = Enumerable.Range(1, 8).Select(RestartBackoff.Default.DelayFor).Select(d => d.TotalSeconds);

        Assert.Equal([1, 2, 4, 8, 16, 30, 30, 30], delays);
    }

    [Fact]
    public void A_large_attempt_count_does_not_overflow()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), RestartBackoff.Default.DelayFor(10_000));
    }

    [Fact]
    public void Attempts_start_at_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RestartBackoff.Default.DelayFor(0));
    }
}
