namespace Mash.Board.Periods;

/// <summary>What the board looks at: a quarter of the financial year, the year to date, or the rolling year (the twelve months to date).</summary>
public enum BoardPeriod
{
    Q1,
    Q2,
    Q3,
    Q4,
    YearToDate,
    RollingYear,
}
