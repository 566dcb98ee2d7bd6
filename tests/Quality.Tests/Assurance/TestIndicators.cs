using Mash.Quality.Assurance;
using Mash.Quality.Definitions;
using Mash.Quality.Periods;

namespace Mash.Quality.Tests.Assurance;

/// <summary>Indicators and rules for the assurance tests: Calderdale's EISA rate (high is good, target 60, Green 60+, Red below 45) unless a test says otherwise.</summary>
internal static class TestIndicators
{
    public static readonly TrendSettings LastTwo = new(2, 0);

    public static IndicatorDefinition Indicator(
        Polarity polarity = Polarity.High, double? target = 60, RagThresholds? thresholds = null, TrendSettings? trend = null, string reference = "1.1") =>
        new(reference, "EISAs per 10,000 under 18 population", "D4", "Calderdale Council", "Parveen Akhtar", polarity, "quarterly",
            ReportingYear.Financial, ResultType.Snapshot, Unit.RatePer10000, Population.Child, 1, [],
            target is { } value ? new IndicatorTarget(value, ComparatorKind.Local, "004 §4.1.3") : null,
            thresholds, trend ?? LastTwo, null, $"Narrative of {reference}.", "004 §4.1.3");

    public static readonly RagThresholds Calderdale = new(60, 45);

    /// <summary>Calderdale's two example rules (004 §4.1.2).</summary>
    public static readonly ActionRule[] Rules =
    [
        new("watch", RagRating.Amber, TargetResult.Missed, null, null, "watch-next-quarter", "Watch for next quarter.", "004 §4.1.2"),
        new("audit", RagRating.Red, TargetResult.Missed, Trend.Negative, null, "perform-audit", "Perform audit.", "004 §4.1.2"),
    ];

    public static readonly ReportingPeriod Q2 = ReportingPeriod.Containing(PeriodKind.Quarter, new DateOnly(2015, 8, 1), 4);
}
