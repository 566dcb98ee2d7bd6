using Microsoft.Extensions.Options;

namespace Mash.Board.Periods;

/// <summary>The financial year the page shows: the configured one, else the one today is in.</summary>
public sealed class BoardYear(IOptions<BoardOptions> options, TimeProvider time)
{
    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public FinancialYear Year => options.Value.FinancialYear is { } start
        ? new FinancialYear(start, options.Value.FinancialYearStartMonth)
        : FinancialYear.Containing(Today, options.Value.FinancialYearStartMonth);

    /// <summary>The quarter today is in when the page shows this year; otherwise the year's first.</summary>
    public BoardPeriod CurrentQuarter => Today >= Year.Start && Today < Year.End
        ? BoardPeriods.Quarters[(Today.Year * 12 + Today.Month - (Year.StartYear * 12 + Year.StartMonth)) / 3]
        : BoardPeriod.Q1;
}
