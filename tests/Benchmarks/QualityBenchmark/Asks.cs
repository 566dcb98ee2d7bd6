using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Quality.V1;

namespace QualityBenchmark;

/// <summary>
/// What a board asks of a year, in the partnership's local time (financial year 2025/26, the later
/// of the two loaded): the year, its quarters, the year to date and the rolling year to December;
/// and the assurance of the year to date and of the quarter, as at mid-March 2026.
/// </summary>
internal static class Asks
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static readonly (string Name, GetScorecardRequest Request)[] Scorecards =
    [
        ("financial year 2025/26", Between(2025, 4, 2026, 4)),
        ("2025/26 Q1", Between(2025, 4, 2025, 7)),
        ("2025/26 Q2", Between(2025, 7, 2025, 10)),
        ("2025/26 Q3", Between(2025, 10, 2026, 1)),
        ("2025/26 Q4", Between(2026, 1, 2026, 4)),
        ("year to date to Dec 2025", Between(2025, 4, 2026, 1)),
        ("rolling year to Dec 2025", Between(2025, 1, 2026, 1)),
    ];

    public static readonly (string Name, GetAssuranceRequest Request)[] Assurance =
    [
        ("assurance, year to date (as at 15 Mar 2026)", new() { AsOf = Local(2026, 3, 15), Period = ReportingPeriodKind.YearToDate }),
        ("assurance, quarter (as at 15 Mar 2026)", new() { AsOf = Local(2026, 3, 15), Period = ReportingPeriodKind.Quarter }),
    ];

    /// <summary>The financial year 2025/26 as instants, for the ceiling's SQL.</summary>
    public static (DateTime From, DateTime To) Year => (Local(2025, 4, 1).ToDateTime(), Local(2026, 4, 1).ToDateTime());

    private static GetScorecardRequest Between(int fromYear, int fromMonth, int toYear, int toMonth) =>
        new() { From = Local(fromYear, fromMonth, 1), To = Local(toYear, toMonth, 1) };

    private static Timestamp Local(int year, int month, int day) =>
        Timestamp.FromDateTime(TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified), London));
}
