using Mash.Board.Periods;

namespace Mash.Board.Tests.Periods;

/// <summary>The years a board may pick and how <c>?year=</c> is read: a bad one is never an error.</summary>
public sealed class YearChoiceTests
{
    [Fact]
    public void The_years_offered_run_from_the_earliest_to_the_latest_newest_first() =>
        Assert.Equal([2026, 2025, 2024, 2023], YearChoice.Offered(2023, 2026));

    [Fact]
    public void An_earliest_year_after_the_latest_offers_the_latest_alone() =>
        Assert.Equal([2026], YearChoice.Offered(2030, 2026));

    [Fact]
    public void Unconfigured_the_earliest_year_is_three_before_the_current_one() =>
        Assert.Equal(2023, YearChoice.Earliest(configured: null, currentYear: 2026, defaultYear: 2026));

    [Fact]
    public void The_configured_earliest_year_is_offered_from() =>
        Assert.Equal(2020, YearChoice.Earliest(configured: 2020, currentYear: 2026, defaultYear: 2026));

    [Fact]
    public void The_default_year_is_always_offered_even_before_the_earliest() =>
        Assert.Equal(2019, YearChoice.Earliest(configured: 2024, currentYear: 2026, defaultYear: 2019));

    [Fact]
    public void The_latest_year_is_the_current_one_or_a_configured_later_one()
    {
        Assert.Equal(2026, YearChoice.Latest(currentYear: 2026, defaultYear: 2025));
        Assert.Equal(2027, YearChoice.Latest(currentYear: 2026, defaultYear: 2027));
    }

    [Theory]
    [InlineData("2025", 2025)]
    [InlineData("2023", 2023)]
    [InlineData("2026", 2026)]
    public void A_year_offered_is_chosen(string asked, int year) => Assert.Equal(year, YearChoice.Chosen(asked, 2026, 2023, 2026));

    [Theory]
    [InlineData("1999", 2023)]
    [InlineData("2031", 2026)]
    [InlineData("0", 2023)]
    public void A_year_outside_those_offered_is_brought_to_the_nearest_offered(string asked, int year) => Assert.Equal(year, YearChoice.Chosen(asked, 2026, 2023, 2026));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("2025/26")]
    [InlineData(" 2025")]
    [InlineData("99999999999")]
    public void Anything_but_a_plain_year_is_ignored_and_the_default_shown(string? asked) => Assert.Equal(2026, YearChoice.Chosen(asked, 2026, 2023, 2026));
}
