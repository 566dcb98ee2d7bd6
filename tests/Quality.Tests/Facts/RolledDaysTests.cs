using Mash.Quality.Facts;
using Mash.Quality.Periods;

namespace Mash.Quality.Tests.Facts;

public sealed class RolledDaysTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Fact]
    public void A_period_of_local_midnights_is_whole_days()
    {
        var days = RolledDays.Of(PeriodInstants.Of(new DateOnly(2025, 4, 1), new DateOnly(2026, 4, 1), London), London);

        Assert.Equal(new RolledDays(new DateOnly(2025, 4, 1), new DateOnly(2026, 4, 1), null, null), days);
        Assert.True(days.Whole);
    }

    [Fact]
    public void An_unbounded_period_is_every_day()
    {
        Assert.Equal(new RolledDays(null, null, null, null), RolledDays.Of(Period.All, London));
    }

    [Fact]
    public void Part_days_at_the_edges_are_left_to_the_facts()
    {
        // 1 April 2025 00:00 UTC is 01:00 in London (summer time): the 1st is not whole, the 2nd starts at 23:00 UTC.
        var from = new DateTime(2025, 4, 1, 0, 0, 0, DateTimeKind.Utc);
        var to = new DateTime(2025, 7, 1, 0, 0, 0, DateTimeKind.Utc);

        var days = RolledDays.Of(new Period(from, to), London);

        Assert.Equal(new DateOnly(2025, 4, 2), days.From);
        Assert.Equal(new DateOnly(2025, 7, 1), days.To);
        Assert.Equal(new Period(from, new DateTime(2025, 4, 1, 23, 0, 0, DateTimeKind.Utc)), days.Head);
        Assert.Equal(new Period(new DateTime(2025, 6, 30, 23, 0, 0, DateTimeKind.Utc), to), days.Tail);
        Assert.False(days.Whole);
    }

    [Fact]
    public void A_period_inside_one_day_is_all_facts()
    {
        var period = new Period(new DateTime(2025, 1, 6, 9, 0, 0, DateTimeKind.Utc), new DateTime(2025, 1, 6, 17, 0, 0, DateTimeKind.Utc));

        var days = RolledDays.Of(period, London);

        Assert.Equal(period, days.Head);
        Assert.Null(days.Tail);
        Assert.Equal(days.From, days.To);
    }
}
