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
        // Indicators sharing a reporting year share periods: each span's facts are read once.
        var read = new Dictionary<(DateOnly, DateOnly), ScorecardFacts>();
        async Task<double?> ValueAsync(ComputedMeasure measure, DateOnly from, DateOnly to)
        {
            if (!read.TryGetValue((from, to), out var spanFacts))
            {
                spanFacts = await facts.ReadAsync(PeriodInstants.Of(from, to, catalogue.TimeZone), cancellationToken);
                read[(from, to)] = spanFacts;
            }
            return measure.Value(spanFacts);
        }

        var assessments = new List<IndicatorAssessment>();
        foreach (var indicator in catalogue.Indicators)
        {
            // The same period a rating of it is recorded against (IndicatorPeriods).
            var period = IndicatorPeriods.Of(catalogue, indicator, kind, asOfUtc);
            if (Uncomputable(indicator) is { } reason)
            {
                assessments.Add(AssuranceEvaluator.NotComputed(indicator, period, reason));
                continue;
            }
            var measure = ComputedMeasures.ById[indicator.Measure];
            var values = new List<double?>();
            foreach (var each in period.Window(indicator.Trend.Window))
            {
                values.Add(indicator.Population is { } population
                    ? await RollingRateAsync(each, catalogue.Populations[population], (from, to) => ValueAsync(measure, from, to))
                    : await ValueAsync(measure, each.From, each.To));
            }
            assessments.Add(AssuranceEvaluator.Evaluate(indicator, period, values, catalogue.ActionRules));
        }
        return assessments;
    }

    // A rate per 10,000 as at the period's end: the four quarters (three-month spans) before it.
    private static async Task<double?> RollingRateAsync(ReportingPeriod period, long population, Func<DateOnly, DateOnly, Task<double?>> count)
    {
        var totals = new List<double>();
        foreach (var (from, to) in Rates.FourQuartersBefore(period.To))
        {
            totals.Add(await count(from, to) ?? 0);
        }
        return Rates.RollingPer10000(totals, population);
    }

    private string? Uncomputable(IndicatorDefinition indicator) =>
        !ComputedMeasures.ById.TryGetValue(indicator.Measure, out var measure) ? "not yet computed"
        : indicator.Unit == Unit.RatePer10000 && measure.Unit != Unit.Number ? $"not computed: {indicator.Measure} is a {IndicatorWords.Of(IndicatorWords.Units, measure.Unit)}, not a count to rate"
        : indicator.Unit == Unit.RatePer10000 && !catalogue.Populations.ContainsKey(indicator.Population!.Value)
            ? $"not computed: populations.{IndicatorWords.Of(IndicatorWords.Populations, indicator.Population.Value)} is not configured"
        : indicator.Unit != Unit.RatePer10000 && measure.Unit != indicator.Unit ? $"not computed: {indicator.Measure} is a {IndicatorWords.Of(IndicatorWords.Units, measure.Unit)}"
        : null;
}
