using Mash.Board.Periods;
using Mash.Contracts.Quality.V1;

namespace Mash.Board.Tests.Periods;

public sealed class BoardPeriodsTests
{
    [Theory]
    [InlineData("q1", BoardPeriod.Q1)]
    [InlineData("Q4", BoardPeriod.Q4)]
    [InlineData("ytd", BoardPeriod.YearToDate)]
    [InlineData("rolling", BoardPeriod.RollingYear)]
    public void A_period_is_read_from_its_slug(string slug, BoardPeriod period) => Assert.Equal(period, BoardPeriods.Parse(slug));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("q5")]
    [InlineData("YearToDate")]
    public void Anything_else_names_no_period(string? slug) => Assert.Null(BoardPeriods.Parse(slug));

    [Fact]
    public void Every_period_reads_back_from_its_own_slug() =>
        Assert.All(BoardPeriods.All, p => Assert.Equal(p, BoardPeriods.Parse(BoardPeriods.Slug(p))));

    [Fact]
    public void Periods_are_named_in_words() =>
        Assert.Equal(["Quarter 1", "Quarter 2", "Quarter 3", "Quarter 4", "Year to date", "Rolling year"], BoardPeriods.All.Select(BoardPeriods.Words));

    [Theory]
    [InlineData(BoardPeriod.Q1, ReportingPeriodKind.Quarter)]
    [InlineData(BoardPeriod.Q4, ReportingPeriodKind.Quarter)]
    [InlineData(BoardPeriod.YearToDate, ReportingPeriodKind.YearToDate)]
    [InlineData(BoardPeriod.RollingYear, ReportingPeriodKind.RollingYear)]
    public void Quality_judges_each_period_as_its_own_kind(BoardPeriod period, ReportingPeriodKind kind) => Assert.Equal(kind, BoardPeriods.Kind(period));
}
