namespace Mash.Timeliness.Timing;

/// <summary>When a decision is due, from when the clock started and the target.</summary>
internal static class DueDates
{
    public static DateTimeOffset AfterElapsed(DateTimeOffset startedAt, TimeSpan time) => startedAt + time;

    public static DateTimeOffset AfterWorkingDays(DateTimeOffset startedAt, int days, WorkingDayEnd end, WorkingCalendar calendar) => end switch
    {
        WorkingDayEnd.At at => AtEndOfWorkingDay(startedAt, days, at.Time, calendar),
        _ => AfterWorkingDays(startedAt, days, calendar),
    };

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
        return WorkingTime.After(startedAt, TimeSpan.FromDays(days), calendar);
    }

    /// <summary>
    /// At <paramref name="dayEnds"/> on the <paramref name="days"/>th working day after the day of
    /// receipt. Received after the day's end counts as received the next day, so Monday 18:00 with
    /// the day ending at 17:00 and 5 working days is due the next Tuesday at 17:00; received on
    /// Saturday, Monday is the first day and Friday 17:00 the due time.
    /// </summary>
    public static DateTimeOffset AtEndOfWorkingDay(DateTimeOffset startedAt, int days, TimeOnly dayEnds, WorkingCalendar calendar)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        var local = calendar.ToLocal(startedAt);
        var day = DateOnly.FromDateTime(local);
        if (TimeOnly.FromDateTime(local) > dayEnds)
        {
            day = day.AddDays(1);
        }
        // The day of receipt counts as day 0 only when it is a working day; otherwise the first working day after it is day 1.
        var counted = 0;
        while (counted < days)
        {
            day = day.AddDays(1);
            if (calendar.IsWorkingDay(day))
            {
                counted++;
            }
        }
        return calendar.ToInstant(day.ToDateTime(dayEnds));
    }
}
