using Mash.Quality.Definitions;
using Mash.Quality.Facts;
using Mash.Quality.Indicators;
using Mash.Quality.Periods;

namespace Mash.Quality.Assurance;

/// <summary>
/// Every indicator of the catalogue judged for the period of a kind that a day falls in: each in
/// its own reporting year, with the periods of its trend window before it. An indicator whose
/// measure Quality does not compute yet is listed as not computed, never given a value.
/// </summary>
internal sealed class AssuranceReader(FactReader facts, IndicatorCatalogue catalogue)
{
    public async Task<IReadOnlyList<IndicatorAssessment>> AssessAsync(PeriodKind kind, DateTime asOfUtc, CancellationToken cancellationToken)
    {
        var day = PeriodInstants.DayOf(asOfUtc, catalogue.TimeZone);
        // Indicators sharing a reporting year share periods: each period's facts are read once.
        var read = new Dictionary<(DateOnly, DateOnly), ScorecardFacts>();
        var assessments = new List<IndicatorAssessment>();
        foreach (var indicator in catalogue.Indicators)
        {
            var period = ReportingPeriod.Containing(kind, day, YearStarts.MonthOf(indicator.ReportingYear));
            if (Uncomputable(indicator) is { } reason)
            {
                assessments.Add(AssuranceEvaluator.NotComputed(indicator, period, reason));
                continue;
            }
            var measure = ComputedMeasures.ById[indicator.Measure];
            var values = new List<double?>();
            foreach (var each in period.Window(indicator.Trend.Window))
            {
                if (!read.TryGetValue((each.From, each.To), out var periodFacts))
                {
                    periodFacts = await facts.ReadAsync(PeriodInstants.Of(each, catalogue.TimeZone), cancellationToken);
                    read[(each.From, each.To)] = periodFacts;
                }
                values.Add(measure.Value(periodFacts));
            }
            assessments.Add(AssuranceEvaluator.Evaluate(indicator, period, values, catalogue.ActionRules));
        }
        return assessments;
    }

    private static string? Uncomputable(IndicatorDefinition indicator) =>
        !ComputedMeasures.ById.TryGetValue(indicator.Measure, out var measure) ? "not yet computed"
        // A partnership may report a measure in another unit (a rate per 10,000): not computed yet either.
        : measure.Unit != indicator.Unit ? $"not yet computed as {IndicatorWords.Of(IndicatorWords.Units, indicator.Unit)}"
        : null;
}
