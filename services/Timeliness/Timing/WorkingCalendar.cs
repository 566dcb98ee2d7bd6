namespace Mash.Timeliness.Timing;

/// <summary>The partnership's working days: its local calendar days, less weekends and bank holidays.</summary>
internal sealed class WorkingCalendar(TimeZoneInfo zone, IEnumerable<DateOnly> bankHolidays)
{
    private readonly HashSet<DateOnly> holidays = [.. bankHolidays];

    public bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day);

    /// <summary>The partnership's wall-clock time at <paramref name="instant"/>.</summary>
    public DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone).DateTime;

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
}
