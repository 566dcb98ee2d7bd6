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
    // A span's read is mostly PostgreSQL's CPU: one a core, rather than a connection each from the consumers' budget.
    private const int ConcurrentReads = 2;

    public async Task<IReadOnlyList<IndicatorAssessment>> AssessAsync(PeriodKind kind, DateTime asOfUtc, CancellationToken cancellationToken)
    {
        var judged = catalogue.Indicators.Select(indicator => (Indicator: indicator, Period: IndicatorPeriods.Of(catalogue, indicator, kind, asOfUtc))).ToList();
        // Indicators sharing a reporting year share spans: every distinct span is read once, ConcurrentReads at a
        // time (each read is its own snapshot, as it was when read one after another), each on a connection of its own.
        var spans = judged.Where(j => Uncomputable(j.Indicator) is null).SelectMany(j => SpansOf(j.Indicator, j.Period)).Distinct();
        var factsOf = new System.Collections.Concurrent.ConcurrentDictionary<(DateOnly From, DateOnly To), ScorecardFacts>();
        await Parallel.ForEachAsync(spans, new ParallelOptions { MaxDegreeOfParallelism = ConcurrentReads, CancellationToken = cancellationToken },
            async (span, ct) => factsOf[span] = await facts.ReadAsync(PeriodInstants.Of(span.From, span.To, catalogue.TimeZone), ct));

        var assessments = new List<IndicatorAssessment>();
        foreach (var (indicator, period) in judged)
        {
            // The same period a rating of it is recorded against (IndicatorPeriods).
            if (Uncomputable(indicator) is { } reason)
            {
                assessments.Add(AssuranceEvaluator.NotComputed(indicator, period, reason));
                continue;
            }
            var measure = ComputedMeasures.ById[indicator.Measure];
            var values = period.Window(indicator.Trend.Window).Select(each => indicator.Population is { } population
                ? RollingRate(each, catalogue.Populations[population], (from, to) => measure.Value(factsOf[(from, to)]))
                : measure.Value(factsOf[(each.From, each.To)])).ToList();
            assessments.Add(AssuranceEvaluator.Evaluate(indicator, period, values, catalogue.ActionRules));
        }
        return assessments;
    }

    // The spans an indicator's values are read from: each period of its trend window, or for a rate the four quarters before each.
    private static IEnumerable<(DateOnly From, DateOnly To)> SpansOf(IndicatorDefinition indicator, ReportingPeriod period) =>
        period.Window(indicator.Trend.Window).SelectMany(each => indicator.Population is null ? [(each.From, each.To)] : Rates.FourQuartersBefore(each.To));

    // A rate per 10,000 as at the period's end: the four quarters (three-month spans) before it.
    private static double? RollingRate(ReportingPeriod period, long population, Func<DateOnly, DateOnly, double?> count) =>
        Rates.RollingPer10000([.. Rates.FourQuartersBefore(period.To).Select(q => count(q.From, q.To) ?? 0)], population);

    private string? Uncomputable(IndicatorDefinition indicator) =>
        !ComputedMeasures.ById.TryGetValue(indicator.Measure, out var measure) ? "not yet computed"
        : indicator.Unit == Unit.RatePer10000 && measure.Unit != Unit.Number ? $"not computed: {indicator.Measure} is a {IndicatorWords.Of(IndicatorWords.Units, measure.Unit)}, not a count to rate"
        : indicator.Unit == Unit.RatePer10000 && !catalogue.Populations.ContainsKey(indicator.Population!.Value)
            ? $"not computed: populations.{IndicatorWords.Of(IndicatorWords.Populations, indicator.Population.Value)} is not configured"
        : indicator.Unit != Unit.RatePer10000 && measure.Unit != indicator.Unit ? $"not computed: {indicator.Measure} is a {IndicatorWords.Of(IndicatorWords.Units, measure.Unit)}"
        : null;
}
