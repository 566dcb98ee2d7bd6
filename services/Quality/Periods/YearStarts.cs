using Mash.Quality.Definitions;

namespace Mash.Quality.Periods;

/// <summary>
/// The month each reporting year starts: by default (Calderdale §4.1.3's reporting periods) the
/// financial year in April, the school year in September, the calendar year in January; the
/// indicator file's <c>yearStarts</c> may say otherwise.
/// </summary>
internal static class YearStarts
{
    public static IReadOnlyDictionary<ReportingYear, int> From(YearStartsEntry? configured) => new Dictionary<ReportingYear, int>
    {
        [ReportingYear.Financial] = configured?.Financial ?? 4,
        [ReportingYear.School] = configured?.School ?? 9,
        [ReportingYear.Calendar] = configured?.Calendar ?? 1,
    };
}
