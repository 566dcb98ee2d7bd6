using Mash.Quality.Definitions;
using Mash.Quality.Periods;

namespace Mash.Quality.Assurance;

/// <summary>Judges an indicator's period from its values: each rule on its own, then the continuum, the RAG and the actions.</summary>
internal static class AssuranceEvaluator
{
    private static readonly IndicatorJudgement Unjudged = new(TargetResult.NoTarget, Trend.Unknown, RagRating.None, AssuranceLevel.NotAssessed);

    /// <param name="values">One per period of the trend window, oldest first, the period judged last; null where nothing was counted.</param>
    public static IndicatorAssessment Evaluate(
        IndicatorDefinition indicator, ReportingPeriod period, IReadOnlyList<double?> values, IEnumerable<ActionRule> rules)
    {
        var reported = values.Select(v => v is { } x ? Rates.ToPrecision(x, indicator.Precision) : (double?)null).ToList();
        if (reported.Count == 0 || reported[^1] is not { } value)
        {
            // Computed, but nothing counted to divide by (no decisions timed): no value and no judgement.
            return new(indicator, period, null, [], Unjudged, [], null);
        }
        // The trend reads the unbroken run of counted periods that ends with this one.
        var run = reported.AsEnumerable().Reverse().TakeWhile(v => v is not null).Select(v => v!.Value).Reverse().ToList();
        var target = TargetRule.Judge(value, indicator.Target, indicator.Polarity);
        var trend = TrendRule.Judge(run, indicator.Polarity, indicator.Trend);
        var assurance = AssuranceContinuum.Place(target, trend);
        var judgement = new IndicatorJudgement(target, trend, RagRule.Rate(value, indicator.Thresholds, indicator.Polarity, assurance), assurance);
        return new(indicator, period, value, run, judgement, ActionRules.Propose(rules, judgement), null);
    }

    /// <summary>An indicator with no value for the period, and why.</summary>
    public static IndicatorAssessment NotComputed(IndicatorDefinition indicator, ReportingPeriod period, string reason) =>
        new(indicator, period, null, [], Unjudged, [], reason);
}
