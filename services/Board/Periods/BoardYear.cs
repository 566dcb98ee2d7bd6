using Microsoft.Extensions.Options;

namespace Mash.Board.Periods;

/// <summary>The financial years the page shows: by default the configured one, else the one today is in; a board may pick another from those offered.</summary>
public sealed class BoardYear(IOptions<BoardOptions> options, TimeProvider time)
{
    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private int StartMonth => options.Value.FinancialYearStartMonth;

    private int CurrentStartYear => FinancialYear.Containing(Today, StartMonth).StartYear;

    /// <summary>The year shown when the address names none.</summary>
    public FinancialYear Year => new(options.Value.FinancialYear ?? CurrentStartYear, StartMonth);

    /// <summary>Every year a board may pick, newest first.</summary>
    public IReadOnlyList<FinancialYear> Offered => [.. YearChoice.Offered(Earliest, Latest).Select(start => new FinancialYear(start, StartMonth))];

    /// <summary>The year <c>?year=</c> asks for, within those offered; the default year when it names none.</summary>
    public FinancialYear Chosen(string? asked) => new(YearChoice.Chosen(asked, Year.StartYear, Earliest, Latest), StartMonth);

    /// <summary>
    /// <paramref name="path"/> showing the year <c>?year=</c> asks for, so a board moving between
    /// pages stays in the year it picked; the plain path when the address names no year.
    /// </summary>
    public string Link(string path, string? asked) => asked is null ? path : $"{path}?year={Chosen(asked).StartYear}";

    private int Earliest => YearChoice.Earliest(options.Value.EarliestFinancialYear, CurrentStartYear, Year.StartYear);

    private int Latest => YearChoice.Latest(CurrentStartYear, Year.StartYear);

    /// <summary>The quarter today is in when the page shows the default year; otherwise that year's first.</summary>
    public BoardPeriod CurrentQuarter => CurrentQuarterOf(Year);

    /// <summary>The quarter today is in when <paramref name="year"/> is the year today is in; otherwise its first.</summary>
    public BoardPeriod CurrentQuarterOf(FinancialYear year) => Today >= year.Start && Today < year.End
        ? BoardPeriods.Quarters[(Today.Year * 12 + Today.Month - (year.StartYear * 12 + year.StartMonth)) / 3]
        : BoardPeriod.Q1;
}
