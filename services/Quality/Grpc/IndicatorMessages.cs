using Mash.Quality.Definitions;
using Definition = Mash.Contracts.Quality.V1.IndicatorDefinition;

namespace Mash.Quality.Grpc;

/// <summary>An indicator's definition as mash.quality.v1.IndicatorDefinition, in the indicator file's words.</summary>
internal static class IndicatorMessages
{
    public static Definition ToMessage(IndicatorDefinition indicator) => new()
    {
        Reference = indicator.Reference,
        Name = indicator.Name,
        Measure = indicator.Measure,
        Agency = indicator.Agency,
        LeadOfficer = indicator.LeadOfficer ?? "",
        Polarity = IndicatorWords.Of(IndicatorWords.Polarities, indicator.Polarity),
        Frequency = indicator.Frequency,
        ReportingPeriod = IndicatorWords.Of(IndicatorWords.ReportingYears, indicator.ReportingYear),
        ResultType = IndicatorWords.Of(IndicatorWords.ResultTypes, indicator.ResultType),
        Unit = IndicatorWords.Of(IndicatorWords.Units, indicator.Unit),
        Population = indicator.Population is { } population ? IndicatorWords.Of(IndicatorWords.Populations, population) : "",
        Precision = indicator.Precision,
        Comparators =
        {
            indicator.Comparators.Select(c => new Contracts.Quality.V1.Comparator
            {
                Kind = IndicatorWords.Of(IndicatorWords.ComparatorKinds, c.Kind), Value = c.Value, Source = c.Source,
            }),
        },
        Target = indicator.Target is { } target
            ? new() { Value = target.Value, Type = IndicatorWords.Of(IndicatorWords.TargetTypes, target.Type), Source = target.Source }
            : null,
        Thresholds = indicator.Thresholds is { } thresholds ? new() { Green = thresholds.Green, Red = thresholds.Red } : null,
        TrendWindow = indicator.Trend.Window,
        SteadyTolerance = indicator.Trend.SteadyTolerance,
        TriggerPoints = indicator.TriggerPoints ?? "",
        Narrative = indicator.Narrative,
        Source = indicator.Source,
    };
}
