using Mash.Quality.Facts;

namespace Mash.Quality.Periods;

/// <summary>A reporting period's local days as the instants facts are filtered by: from local midnight to local midnight.</summary>
internal static class PeriodInstants
{
    public static Period Of(ReportingPeriod period, TimeZoneInfo zone) => Of(period.From, period.To, zone);

    /// <summary>The local days <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive).</summary>
    public static Period Of(DateOnly from, DateOnly to, TimeZoneInfo zone) => new(Midnight(from, zone), Midnight(to, zone));

    /// <summary>The local day a moment falls on.</summary>
    public static DateOnly DayOf(DateTime utc, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, zone));

    /// <summary>The instant a local day starts.</summary>
    public static DateTime Midnight(DateOnly day, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), zone);
}
