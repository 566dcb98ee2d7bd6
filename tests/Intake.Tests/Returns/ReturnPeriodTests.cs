using Mash.Intake.Returns;

namespace Mash.Intake.Tests.Returns;

public sealed class ReturnPeriodTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Fact]
    public void A_period_runs_from_midnight_where_the_partnership_is()
    {
        var summer = new ReturnPeriod(new(2024, 7, 1), new(2024, 10, 1));

        Assert.Equal(new DateTimeOffset(2024, 6, 30, 23, 0, 0, TimeSpan.Zero), summer.StartIn(London));
        Assert.Equal(new DateTimeOffset(2024, 9, 30, 23, 0, 0, TimeSpan.Zero), summer.EndIn(London));
    }

    [Fact]
    public void In_winter_midnight_is_midnight_UTC() =>
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), new ReturnPeriod(new(2025, 1, 1), new(2025, 4, 1)).StartIn(London));

    [Fact]
    public void Its_last_day_is_the_day_before_to() => Assert.Equal(new DateOnly(2025, 3, 31), new ReturnPeriod(new(2024, 4, 1), new(2025, 4, 1)).LastDay);
}
