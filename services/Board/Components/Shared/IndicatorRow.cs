using Mash.Contracts.Quality.V1;

namespace Mash.Board.Components.Shared;

/// <summary>An indicator's judgement for a period beside its definition (target value, comparators, unit).</summary>
public sealed record IndicatorRow(IndicatorAssurance Assurance, IndicatorDefinition? Definition)
{
    public static IReadOnlyList<IndicatorRow> Join(AssuranceReport report, IReadOnlyList<IndicatorDefinition> definitions)
    {
        var byReference = definitions.ToDictionary(d => d.Reference, StringComparer.Ordinal);
        return [.. report.Indicators.Select(a => new IndicatorRow(a, byReference.GetValueOrDefault(a.Reference)))];
    }
}
