namespace Mash.Timeliness.Timing;

/// <summary>
/// The partnership's working days: its local calendar days, less weekends and bank holidays. A day
/// outside the years the bank holidays cover is counted as a working day if it is a weekday, and
/// remembered, so the health check says that a deadline was counted past the calendar (never silently).
/// </summary>
internal sealed class WorkingCalendar(TimeZoneInfo zone, BankHolidays bankHolidays, IEnumerable<DateOnly> otherDaysOff)
{
    private readonly HashSet<DateOnly> holidays = [.. bankHolidays.Dates, .. otherDaysOff];
    private readonly Lock outsideLock = new();
    private DateOnly? firstDayOutside;

    public WorkingCalendar(TimeZoneInfo zone, IEnumerable<DateOnly> bankHolidays)
        : this(zone, Covering(bankHolidays), [])
    {
    }

    public BankHolidays BankHolidays => bankHolidays;

    /// <summary>The first day a deadline was counted over that the bank holidays do not cover, if any.</summary>
    public DateOnly? FirstDayOutside
    {
        get
        {
            lock (outsideLock)
            {
                return firstDayOutside;
            }
        }
    }

    public bool IsWorkingDay(DateOnly day)
    {
        if (!bankHolidays.Covers(day))
        {
            lock (outsideLock)
            {
                firstDayOutside ??= day;
            }
        }
        return day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day);
    }

    /// <summary>The partnership's wall-clock time at <paramref name="instant"/>.</summary>
    public DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone).DateTime;

    /// <summary>The partnership's calendar day at <paramref name="instant"/>.</summary>
    public DateOnly LocalDay(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant));

    /// <summary>The instant of a wall-clock time; one skipped by the spring clock change is read as an hour later.</summary>
    public DateTimeOffset ToInstant(DateTime local)
    {
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(wall))
        {
            wall = wall.AddHours(1);
        }
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(wall, zone), TimeSpan.Zero);
    }

    /// <summary>A plain list of dates, covering the whole years it lists.</summary>
    private static BankHolidays Covering(IEnumerable<DateOnly> dates)
    {
        var sorted = dates.Order().ToList();
        return sorted.Count == 0
            ? new BankHolidays("", [], DateOnly.MaxValue, DateOnly.MinValue)
            : new BankHolidays("", sorted, new DateOnly(sorted[0].Year, 1, 1), new DateOnly(sorted[^1].Year, 12, 31));
    }
}
