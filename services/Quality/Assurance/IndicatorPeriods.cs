using Mash.Quality.Definitions;
using Mash.Quality.Periods;

namespace Mash.Quality.Assurance;

/// <summary>The period of a kind a moment falls in, for an indicator: in its own reporting year and the partnership's time zone, as its assessment takes it.</summary>
internal static class IndicatorPeriods
{
    public static ReportingPeriod Of(IndicatorCatalogue catalogue, IndicatorDefinition indicator, PeriodKind kind, DateTime asOfUtc) =>
        ReportingPeriod.Containing(kind, PeriodInstants.DayOf(asOfUtc, catalogue.TimeZone), catalogue.YearStarts[indicator.ReportingYear]);
}
