using Mash.Timeliness.Timing;

namespace Mash.Timeliness.Tests.Timing;

public class TargetTextTests
{
    [Theory]
    [InlineData("4 hours", 240)]
    [InlineData("1 hour", 60)]
    [InlineData("1.5 hours", 90)]
    [InlineData("72 hours", 4320)]
    [InlineData("  24 HOURS ", 1440)]
    public void Hours_are_an_elapsed_target(string text, int minutes) =>
        Assert.Equal(new Target.Elapsed(TimeSpan.FromMinutes(minutes)), TargetText.Parse(text));

    [Theory]
    [InlineData("5 working days", 5)]
    [InlineData("1 working day", 1)]
    [InlineData("10 Working  Days", 10)]
    public void Working_days_are_a_working_day_target(string text, int days) =>
        Assert.Equal(new Target.WorkingDays(days), TargetText.Parse(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0 hours")]
    [InlineData("-2 hours")]
    [InlineData("5 days")]
    [InlineData("2.5 working days")]
    [InlineData("400 working days")]
    [InlineData("four hours")]
    [InlineData("4h")]
    public void Anything_else_is_not_a_target(string? text) => Assert.Null(TargetText.Parse(text));
}
