using Mash.Board.Periods;

namespace Mash.Board.Tests.Periods;

public sealed class FinancialYearTests
{
    private static readonly FinancialYear Year2026 = new(2026, 4);

    [Theory]
    [InlineData("2026-04-01", 2026)]
    [InlineData("2026-12-06", 2026)]
    [InlineData("2027-03-31", 2026)]
    [InlineData("2026-03-31", 2025)]
    public void A_day_falls_in_the_financial_year_that_started_the_April_before(string day, int startYear) =>
        Assert.Equal(startYear, FinancialYear.Containing(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), 4).StartYear);

    [Fact]
    public void A_financial_year_is_named_as_councils_write_it() => Assert.Equal("2026/27", Year2026.Name);

    [Fact]
    public void A_calendar_year_is_named_by_its_year() => Assert.Equal("2026", new FinancialYear(2026, 1).Name);

    [Fact]
    public void The_quarters_start_in_April_July_October_and_January()
    {
        Assert.Equal(new DateOnly(2026, 4, 1), Year2026.QuarterStart(BoardPeriod.Q1));
        Assert.Equal(new DateOnly(2026, 10, 1), Year2026.QuarterStart(BoardPeriod.Q3));
        Assert.Equal(new DateOnly(2027, 1, 1), Year2026.QuarterStart(BoardPeriod.Q4));
    }

    [Fact]
    public void A_quarter_is_asked_for_mid_quarter_so_no_time_zone_moves_it()
    {
        Assert.Equal(new DateTimeOffset(2026, 5, 15, 12, 0, 0, TimeSpan.Zero), Year2026.AsOf(BoardPeriod.Q1, new DateOnly(2026, 12, 6)));
        Assert.Equal(new DateTimeOffset(2027, 2, 15, 12, 0, 0, TimeSpan.Zero), Year2026.AsOf(BoardPeriod.Q4, new DateOnly(2026, 12, 6)));
    }

    [Fact]
    public void The_year_to_date_is_today_within_the_year_and_its_last_day_once_it_is_over()
    {
        Assert.Equal(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero), Year2026.AsOf(BoardPeriod.YearToDate, new DateOnly(2026, 12, 6)));
        Assert.Equal(new DateTimeOffset(2027, 3, 31, 12, 0, 0, TimeSpan.Zero), Year2026.AsOf(BoardPeriod.YearToDate, new DateOnly(2027, 9, 1)));
    }

    [Fact]
    public void The_rolling_year_is_asked_for_as_at_today_within_the_year_and_its_last_day_once_it_is_over()
    {
        Assert.Equal(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero), Year2026.AsOf(BoardPeriod.RollingYear, new DateOnly(2026, 12, 6)));
        Assert.Equal(new DateTimeOffset(2027, 3, 31, 12, 0, 0, TimeSpan.Zero), Year2026.AsOf(BoardPeriod.RollingYear, new DateOnly(2028, 1, 1)));
    }
}
