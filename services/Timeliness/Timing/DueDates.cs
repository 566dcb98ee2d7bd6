namespace Mash.Timeliness.Timing;

/// <summary>When a decision is due, from when the clock started and the target.</summary>
internal static class DueDates
{
    public static DateTimeOffset AfterElapsed(DateTimeOffset startedAt, TimeSpan time) => startedAt + time;

    /// <summary>
    /// The first moment by which <paramref name="days"/> whole working days (24 hours of each working
    /// day of the partnership's calendar) have passed since <paramref name="startedAt"/>. So a contact
    /// received on Monday at 10:00 with 5 working days is due the next Monday at 10:00; one received
    /// on a weekend or bank holiday starts counting at 00:00 of the next working day (received on
    /// Saturday: Monday to Friday count, due as Friday ends, i.e. Saturday 00:00).
    /// </summary>
    public static DateTimeOffset AfterWorkingDays(DateTimeOffset startedAt, int days, WorkingCalendar calendar)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        var cursor = calendar.ToLocal(startedAt);
        var remaining = TimeSpan.FromDays(days);
        while (true)
        {
            var nextMidnight = cursor.Date.AddDays(1);
            if (calendar.IsWorkingDay(DateOnly.FromDateTime(cursor)))
            {
                var leftToday = nextMidnight - cursor;
                if (remaining <= leftToday)
                {
                    return calendar.ToInstant(cursor + remaining);
                }
                remaining -= leftToday;
            }
            cursor = nextMidnight;
        }
    }
}
