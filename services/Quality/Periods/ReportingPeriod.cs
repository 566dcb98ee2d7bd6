using System.Globalization;

namespace Mash.Quality.Periods;

/// <summary>Month, quarter (Q1–Q4 of the reporting year), year to date, or rolling year (the twelve months to a quarter's end).</summary>
internal enum PeriodKind { Month, Quarter, YearToDate, RollingYear }

/// <summary>
/// A reporting period in the partnership's local calendar: <see cref="From"/> inclusive, <see cref="To"/>
/// exclusive. Quarters and years to date count from <see cref="YearStartMonth"/> (April for the
/// financial year, September for the school year, January for the calendar year). A year to date
/// runs from the year's start to the end of the month the date falls in; a rolling year is the twelve
/// months ending with the end of the quarter the date falls in.
/// </summary>
internal sealed record ReportingPeriod(PeriodKind Kind, DateOnly From, DateOnly To, int YearStartMonth)
{
    /// <summary>The period of <paramref name="kind"/> that <paramref name="day"/> falls in.</summary>
    public static ReportingPeriod Containing(PeriodKind kind, DateOnly day, int yearStartMonth)
    {
        var month = new DateOnly(day.Year, day.Month, 1);
        var yearStart = YearStart(day, yearStartMonth);
        return kind switch
        {
            PeriodKind.Month => new(kind, month, month.AddMonths(1), yearStartMonth),
            PeriodKind.Quarter => Quarter(yearStart, (MonthsInto(yearStart, month) / 3) + 1, yearStartMonth),
            PeriodKind.RollingYear => RollingYearTo(Quarter(yearStart, (MonthsInto(yearStart, month) / 3) + 1, yearStartMonth).To, yearStartMonth),
            _ => new(kind, yearStart, month.AddMonths(1), yearStartMonth),
        };
    }

    /// <summary>Quarter <paramref name="number"/> (1–4) of the reporting year that starts on <paramref name="yearStart"/>.</summary>
    public static ReportingPeriod Quarter(DateOnly yearStart, int number, int yearStartMonth) =>
        new(PeriodKind.Quarter, yearStart.AddMonths((number - 1) * 3), yearStart.AddMonths(number * 3), yearStartMonth);

    /// <summary>The twelve months before <paramref name="end"/> (exclusive): a rolling year as at a quarter's end.</summary>
    public static ReportingPeriod RollingYearTo(DateOnly end, int yearStartMonth) =>
        new(PeriodKind.RollingYear, end.AddYears(-1), end, yearStartMonth);

    /// <summary>The first day of the reporting year <paramref name="day"/> falls in.</summary>
    public static DateOnly YearStart(DateOnly day, int yearStartMonth) =>
        new(day.Month >= yearStartMonth ? day.Year : day.Year - 1, yearStartMonth, 1);

    /// <summary>The period before: the month or quarter before, or for a year to date or rolling year the same span of the year before.</summary>
    public ReportingPeriod Previous() => Kind is PeriodKind.YearToDate or PeriodKind.RollingYear
        ? this with { From = From.AddYears(-1), To = To.AddYears(-1) }
        : this with { From = From.AddMonths(-(MonthsInto(From, To))), To = From };

    /// <summary>This period and the <paramref name="count"/> − 1 before it, oldest first.</summary>
    public IReadOnlyList<ReportingPeriod> Window(int count)
    {
        var periods = new List<ReportingPeriod> { this };
        while (periods.Count < count)
        {
            periods.Insert(0, periods[0].Previous());
        }
        return periods;
    }

    /// <summary>The quarter's number in its reporting year (1–4); 0 for a month, year to date or rolling year.</summary>
    public int QuarterNumber => Kind == PeriodKind.Quarter ? (MonthsInto(YearStart(From, YearStartMonth), From) / 3) + 1 : 0;

    /// <summary>The board's name for it: "2025/26 Q1", "2025/26 YTD to Jun", "May 2025", "Rolling year to Jun 2025" (a calendar year is "2025").</summary>
    public string Label => Kind switch
    {
        PeriodKind.Month => From.ToString("MMM yyyy", CultureInfo.InvariantCulture),
        PeriodKind.Quarter => $"{YearName} Q{QuarterNumber}",
        PeriodKind.RollingYear => $"Rolling year to {To.AddDays(-1).ToString("MMM yyyy", CultureInfo.InvariantCulture)}",
        _ => $"{YearName} YTD to {To.AddDays(-1).ToString("MMM", CultureInfo.InvariantCulture)}",
    };

    private string YearName
    {
        get
        {
            var start = YearStart(From, YearStartMonth).Year;
            return YearStartMonth == 1 ? start.ToString(CultureInfo.InvariantCulture) : $"{start}/{(start + 1) % 100:00}";
        }
    }

    private static int MonthsInto(DateOnly from, DateOnly to) => ((to.Year - from.Year) * 12) + to.Month - from.Month;
}
