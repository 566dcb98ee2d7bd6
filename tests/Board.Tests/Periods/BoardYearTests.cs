using Mash.Board.Periods;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Mash.Board.Tests.Periods;

public sealed class BoardYearTests
{
    private static BoardYear At(DateTimeOffset now, int? configured = null, int? earliest = null) =>
        new(Options.Create(new BoardOptions { FinancialYear = configured, EarliestFinancialYear = earliest }), new FakeTimeProvider(now));

    [Fact]
    public void Unconfigured_the_page_shows_the_year_today_is_in_and_its_current_quarter()
    {
        var year = At(new DateTimeOffset(2027, 2, 3, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(new FinancialYear(2026, 4), year.Year);
        Assert.Equal(BoardPeriod.Q4, year.CurrentQuarter);
    }

    [Fact]
    public void A_configured_past_year_opens_on_its_first_quarter()
    {
        var year = At(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero), configured: 2025);
        Assert.Equal("2025/26", year.Year.Name);
        Assert.Equal(BoardPeriod.Q1, year.CurrentQuarter);
    }

    [Fact]
    public void Unconfigured_the_years_offered_are_the_current_one_and_the_three_before()
    {
        var year = At(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(["2026/27", "2025/26", "2024/25", "2023/24"], year.Offered.Select(y => y.Name));
    }

    [Fact]
    public void The_years_offered_start_at_the_configured_earliest()
    {
        var year = At(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero), earliest: 2025);
        Assert.Equal(["2026/27", "2025/26"], year.Offered.Select(y => y.Name));
    }

    [Fact]
    public void The_year_asked_for_is_shown_and_opens_on_its_first_quarter_when_it_is_not_todays()
    {
        var board = At(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));
        var chosen = board.Chosen("2025");
        Assert.Equal(("2025/26", BoardPeriod.Q1), (chosen.Name, board.CurrentQuarterOf(chosen)));
        Assert.Equal(BoardPeriod.Q3, board.CurrentQuarterOf(board.Chosen("2026")));
    }

    [Fact]
    public void A_bad_year_asked_for_shows_the_configured_one()
    {
        var board = At(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero), configured: 2024);
        Assert.Equal("2024/25", board.Chosen("next-year").Name);
        Assert.Equal("2026/27", board.Chosen("2040").Name);
    }

    [Fact]
    public void A_link_to_another_page_keeps_the_year_asked_for_within_those_offered()
    {
        var year = At(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero), earliest: 2024);
        Assert.Equal("/trends?year=2025", year.Link("/trends", "2025"));
        Assert.Equal("/trends?year=2024", year.Link("/trends", "1999"));
        Assert.Equal("/trends?year=2026", year.Link("/trends", "abc"));
        Assert.Equal("/trends", year.Link("/trends", null));
    }
}
