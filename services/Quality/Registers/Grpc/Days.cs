using Mash.Contracts.Quality.V1;

namespace Mash.Quality.Registers.Grpc;

/// <summary>mash.quality.v1.CalendarDay and the registers' days.</summary>
internal static class Days
{
    /// <summary>The day, or null when it is unset or no real day (the rules say which).</summary>
    public static DateOnly? Of(CalendarDay? day) =>
        day is { Year: >= 1 and <= 9999, Month: >= 1 and <= 12 } && day.Day >= 1 && day.Day <= DateTime.DaysInMonth(day.Year, day.Month)
            ? new DateOnly(day.Year, day.Month, day.Day)
            : null;

    public static CalendarDay? ToMessage(DateOnly? day) => day is { } d ? new() { Year = d.Year, Month = d.Month, Day = d.Day } : null;
}
