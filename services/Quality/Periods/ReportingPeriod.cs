using System.Globalization;

namespace Mash.Quality.Periods;

/// <summary>Month, quarter (Q1–Q4 of the reporting year) or year to date.</summary>
internal enum PeriodKind { Month, Quarter, YearToDate }

/// <summary>
/// A reporting period in the partnership's local calendar: <see cref="From"/> inclusive, <see cref="To"/>
/// exclusive. Quarters and years to date count from <see cref="YearStartMonth"/> (April for the
/// financial year, September for the school year, January for the calendar year). A year to date
/// runs from the year's start to the end of the month the date falls in.
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
            _ => new(kind, yearStart, month.AddMonths(1), yearStartMonth),
        };
    }

    /// <summary>Quarter <paramref name="number"/> (1–4) of the reporting year that starts on <paramref name="yearStart"/>.</summary>
    public static ReportingPeriod Quarter(DateOnly yearStart, int number, int yearStartMonth) =>
        new(PeriodKind.Quarter, yearStart.AddMonths((number - 1) * 3), yearStart.AddMonths(number * 3), yearStartMonth);

    /// <summary>The first day of the reporting year <paramref name="day"/> falls in.</summary>
    public static DateOnly YearStart(DateOnly day, int yearStartMonth) =>
        new(day.Month >= yearStartMonth ? day.Year : day.Year - 1, yearStartMonth, 1);

    /// <summary>The period before: the month or quarter before, or the same span of the year before.</summary>
    public ReportingPeriod Previous() => Kind == PeriodKind.YearToDate
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

    /// <summary>The quarter's number in its reporting year (1–4); 0 for a month or year to date.</summary>
    public int QuarterNumber => Kind == PeriodKind.Quarter ? (MonthsInto(YearStart(From, YearStartMonth), From) / 3) + 1 : 0;

    /// <summary>The board's name for it: "2025/26 Q1", "2025/26 YTD to Jun", "May 2025" (a calendar year is "2025").</summary>
    public string Label => Kind switch
    {
        PeriodKind.Month => From.ToString("MMM yyyy", CultureInfo.InvariantCulture),
        PeriodKind.Quarter => $"{YearName} Q{QuarterNumber}",
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
