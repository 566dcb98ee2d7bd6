namespace Mash.Board.Periods;

/// <summary>A reporting year starting on the first of <paramref name="StartMonth"/> of <paramref name="StartYear"/>.</summary>
public sealed record FinancialYear(int StartYear, int StartMonth)
{
    public DateOnly Start => new(StartYear, StartMonth, 1);

    public DateOnly End => Start.AddYears(1);

    /// <summary>"2025/26", as councils write a financial year.</summary>
    public string Name => StartMonth == 1 ? $"{StartYear}" : $"{StartYear}/{(StartYear + 1) % 100:00}";

    /// <summary>The year <paramref name="day"/> falls in.</summary>
    public static FinancialYear Containing(DateOnly day, int startMonth) =>
        new(day.Month >= startMonth ? day.Year : day.Year - 1, startMonth);

    public DateOnly QuarterStart(BoardPeriod quarter) => Start.AddMonths(3 * (int)quarter);

    /// <summary>
    /// The moment Quality is asked about for <paramref name="period"/> (it takes the period of each
    /// indicator's own year that this falls in): mid-quarter for a quarter, so no time zone moves it
    /// into the next; for the year to date and the rolling year, today, or the year's last day once it is
    /// over (Quality's rolling year is the twelve months to the end of the quarter that day is in).
    /// </summary>
    public DateTimeOffset AsOf(BoardPeriod period, DateOnly today) => period switch
    {
        BoardPeriod.YearToDate or BoardPeriod.RollingYear => Noon(Clamp(today)),
        _ => Noon(QuarterStart(period).AddMonths(1).AddDays(14)),
    };

    private DateOnly Clamp(DateOnly day) => day < Start ? Start : day >= End ? End.AddDays(-1) : day;

    private static DateTimeOffset Noon(DateOnly day) => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
}
