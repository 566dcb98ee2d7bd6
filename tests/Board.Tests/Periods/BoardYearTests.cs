using Mash.Board.Periods;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Mash.Board.Tests.Periods;

public sealed class BoardYearTests
{
    private static BoardYear At(DateTimeOffset now, int? configured = null) =>
        new(Options.Create(new BoardOptions { FinancialYear = configured }), new FakeTimeProvider(now));

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
}
