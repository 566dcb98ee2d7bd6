using Mash.Timeliness.Timing;

namespace Mash.Timeliness.Tests.Timing;

/// <summary>
/// The shipped Calendars/bank-holidays.json: England and Wales's through 2030 (GOV.UK's through
/// 2027, the statutory rules after), and Scotland's and Northern Ireland's, in GOV.UK's format.
/// </summary>
public class ShippedCalendarTests
{
    private static BankHolidays Shipped(string division) => BankHolidayFile.Load("Calendars/bank-holidays.json", division);

    [Fact]
    public void England_and_wales_is_covered_from_2025_through_2030()
    {
        var holidays = Shipped("england-and-wales");

        Assert.Equal(new DateOnly(2025, 1, 1), holidays.FirstDay);
        Assert.Equal(new DateOnly(2030, 12, 31), holidays.LastDay);
    }

    [Fact]
    public void England_and_wales_through_2027_is_as_gov_uk_publishes_it() =>
        Assert.Equal(
            [
                new(2025, 1, 1), new(2025, 4, 18), new(2025, 4, 21), new(2025, 5, 5), new(2025, 5, 26), new(2025, 8, 25), new(2025, 12, 25), new(2025, 12, 26),
                new(2026, 1, 1), new(2026, 4, 3), new(2026, 4, 6), new(2026, 5, 4), new(2026, 5, 25), new(2026, 8, 31), new(2026, 12, 25), new(2026, 12, 28),
                new(2027, 1, 1), new(2027, 3, 26), new(2027, 3, 29), new(2027, 5, 3), new(2027, 5, 31), new(2027, 8, 30), new(2027, 12, 27), new(2027, 12, 28),
            ],
            Shipped("england-and-wales").Dates.Where(d => d.Year <= 2027));

    [Theory]
    [InlineData("england-and-wales", 2028)]
    [InlineData("england-and-wales", 2029)]
    [InlineData("england-and-wales", 2030)]
    [InlineData("scotland", 2025)]
    [InlineData("scotland", 2028)]
    [InlineData("scotland", 2030)]
    [InlineData("northern-ireland", 2025)]
    [InlineData("northern-ireland", 2028)]
    [InlineData("northern-ireland", 2030)]
    public void Later_years_and_other_divisions_follow_the_statutory_rules(string division, int year) =>
        Assert.Equal(StatutoryBankHolidays.For(division, year), Shipped(division).Dates.Where(d => d.Year == year));

    [Theory]
    [InlineData("england-and-wales")]
    [InlineData("scotland")]
    [InlineData("northern-ireland")]
    public void No_bank_holiday_falls_on_a_weekend(string division) =>
        Assert.DoesNotContain(Shipped(division).Dates, d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);

    [Fact]
    public void Easter_2028_to_2030_is_where_the_church_puts_it() =>
        Assert.Equal([new(2028, 4, 16), new(2029, 4, 1), new(2030, 4, 21)], new[] { 2028, 2029, 2030 }.Select(StatutoryBankHolidays.EasterSunday));

    [Fact]
    public void Scotland_keeps_2_january_and_st_andrew_s_day_and_not_easter_monday()
    {
        var scotland = Shipped("scotland").Dates;

        Assert.Contains(new DateOnly(2026, 1, 2), scotland);
        Assert.Contains(new DateOnly(2025, 12, 1), scotland); // St Andrew's Day on a Sunday, so Monday
        Assert.DoesNotContain(new DateOnly(2026, 4, 6), scotland);
    }

    [Fact]
    public void Northern_ireland_keeps_st_patrick_s_day_and_the_twelfth()
    {
        var northernIreland = Shipped("northern-ireland").Dates;

        Assert.Contains(new DateOnly(2026, 3, 17), northernIreland);
        Assert.Contains(new DateOnly(2025, 7, 14), northernIreland); // the Twelfth on a Saturday, so Monday
    }
}
