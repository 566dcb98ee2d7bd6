using Mash.Intake.Repeats;

namespace Mash.Intake.Tests.Repeats;

public sealed class RepeatWindowTests
{
    [Theory]
    [InlineData("12 months", 12, 0)]
    [InlineData("1 month", 1, 0)]
    [InlineData("2 Years", 24, 0)]
    [InlineData(" 90  days ", 0, 90)]
    public void It_reads_months_years_or_days(string text, int months, int days)
    {
        Assert.True(RepeatWindow.TryParse(text, out var window));
        Assert.Equal(new RepeatWindow(months, days), window);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("12")]
    [InlineData("0 months")]
    [InlineData("-1 months")]
    [InlineData("1.5 months")]
    [InlineData("12 weeks")]
    [InlineData("365.00:00:00")]
    public void Anything_else_is_refused(string? text) => Assert.False(RepeatWindow.TryParse(text, out _));

    [Fact]
    public void Twelve_months_back_is_the_same_date_a_year_before_even_across_a_leap_day() =>
        Assert.Equal(
            new DateTimeOffset(2024, 3, 1, 9, 0, 0, TimeSpan.Zero),
            RepeatWindow.TwelveMonths.StartFor(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero)));
}
