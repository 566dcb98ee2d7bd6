using Mash.Quality.Periods;

namespace Mash.Quality.Facts;

/// <summary>
/// A period as the rollups see it: the whole local days inside it (From inclusive, To exclusive;
/// null unbounded), and the part-days at its edges, read from the facts themselves.
/// </summary>
internal sealed record RolledDays(DateOnly? From, DateOnly? To, Period? Head, Period? Tail)
{
    /// <summary>Whether the period is whole local days: every measure can be summed from the rollups alone.</summary>
    public bool Whole => Head is null && Tail is null;

    public static RolledDays Of(Period period, TimeZoneInfo zone)
    {
        var from = period.From is { } start ? FirstWholeDay(start, zone) : (DateOnly?)null;
        var to = period.To is { } end ? PeriodInstants.DayOf(end, zone) : (DateOnly?)null;
        if (from > to)
        {
            // Less than a day between its edges: nothing whole, all of it from the facts.
            return new(from, from, period, null);
        }
        return new(from, to,
            from is { } f && PeriodInstants.Midnight(f, zone) != period.From ? period with { To = PeriodInstants.Midnight(f, zone) } : null,
            to is { } t && PeriodInstants.Midnight(t, zone) != period.To ? period with { From = PeriodInstants.Midnight(t, zone) } : null);
    }

    private static DateOnly FirstWholeDay(DateTime start, TimeZoneInfo zone)
    {
        var day = PeriodInstants.DayOf(start, zone);
        return PeriodInstants.Midnight(day, zone) == start ? day : day.AddDays(1);
    }
}
