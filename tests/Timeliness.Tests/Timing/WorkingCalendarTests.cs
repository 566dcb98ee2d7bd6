using Mash.Timeliness.Tests.Infrastructure;
using static Mash.Timeliness.Tests.Infrastructure.Instants;

namespace Mash.Timeliness.Tests.Timing;

public class WorkingCalendarTests
{
    [Fact]
    public void A_weekday_is_a_working_day() => Assert.True(TestTargets.Calendar.IsWorkingDay(new DateOnly(2025, 6, 4)));

    [Fact]
    public void Saturday_is_not() => Assert.False(TestTargets.Calendar.IsWorkingDay(new DateOnly(2025, 6, 7)));

    [Fact]
    public void Sunday_is_not() => Assert.False(TestTargets.Calendar.IsWorkingDay(new DateOnly(2025, 6, 8)));

    [Fact]
    public void A_bank_holiday_is_not() => Assert.False(TestTargets.Calendar.IsWorkingDay(new DateOnly(2025, 12, 25)));

    [Fact]
    public void Local_time_is_the_partnership_s_wall_clock() =>
        Assert.Equal(new DateTime(2025, 6, 2, 10, 0, 0), TestTargets.Calendar.ToLocal(Bst(2025, 6, 2, 10)));

    [Fact]
    public void A_wall_clock_time_is_read_back_as_its_instant() =>
        Assert.Equal(Bst(2025, 6, 2, 10), TestTargets.Calendar.ToInstant(new DateTime(2025, 6, 2, 10, 0, 0)));

    [Fact]
    public void A_wall_clock_time_the_spring_clock_change_skips_is_read_as_an_hour_later() =>
        Assert.Equal(Bst(2025, 3, 30, 2, 30), TestTargets.Calendar.ToInstant(new DateTime(2025, 3, 30, 1, 30, 0)));
}
