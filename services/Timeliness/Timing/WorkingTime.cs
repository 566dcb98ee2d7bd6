namespace Mash.Timeliness.Timing;

/// <summary>
/// Time counted only on working days (each working day's 24 local hours): how a working-day target
/// runs, so that "75 % of 5 working days used" skips the weekend as the target does.
/// </summary>
internal static class WorkingTime
{
    /// <summary>The first moment by which <paramref name="span"/> of working time has passed since <paramref name="from"/>.</summary>
    public static DateTimeOffset After(DateTimeOffset from, TimeSpan span, WorkingCalendar calendar)
    {
        var cursor = calendar.ToLocal(from);
        var remaining = span;
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

    /// <summary>The working time between two moments (zero when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public static TimeSpan Between(DateTimeOffset from, DateTimeOffset to, WorkingCalendar calendar)
    {
        var (cursor, end) = (calendar.ToLocal(from), calendar.ToLocal(to));
        var total = TimeSpan.Zero;
        while (cursor < end)
        {
            var nextMidnight = cursor.Date.AddDays(1);
            var stop = nextMidnight < end ? nextMidnight : end;
            if (calendar.IsWorkingDay(DateOnly.FromDateTime(cursor)))
            {
                total += stop - cursor;
            }
            cursor = nextMidnight;
        }
        return total;
    }
}
