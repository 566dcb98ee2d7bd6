using Mash.Intake.Returns.Fields;

namespace Mash.Intake.Tests.Returns;

public sealed class AgeInYearsTests
{
    [Theory]
    [InlineData(2025, 2, 28, "9")]
    [InlineData(2025, 3, 1, "10")]
    [InlineData(2015, 3, 1, "0")]
    public void Whole_years_on_the_day(int year, int month, int day, string expected) =>
        Assert.Equal(expected, AgeInYears.At(ReturnSubjects.Child(year: 2015, month: 3, day: 1), new DateOnly(year, month, day)));

    [Fact]
    public void A_child_born_on_29_February_is_a_year_older_on_1_March() =>
        Assert.Equal(1, AgeInYears.YearsBetween(new DateOnly(2016, 2, 29), new DateOnly(2017, 3, 1)));

    [Fact]
    public void An_unborn_child_has_no_age() => Assert.Equal("", AgeInYears.At(ReturnSubjects.Unborn(2025, 9, 1), new DateOnly(2025, 6, 1)));

    [Fact]
    public void A_birth_after_the_day_gives_no_age() => Assert.Equal("", AgeInYears.At(ReturnSubjects.Child(year: 2026), new DateOnly(2025, 6, 1)));
}
