using Mash.Quality.Definitions;

namespace Mash.Quality.Periods;

/// <summary>The month each reporting year starts (Calderdale §4.1.3): financial April, school September, calendar January.</summary>
internal static class YearStarts
{
    public static int MonthOf(ReportingYear year) => year switch
    {
        ReportingYear.Financial => 4,
        ReportingYear.School => 9,
        _ => 1,
    };
}
