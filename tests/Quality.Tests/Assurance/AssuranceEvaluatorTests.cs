using Mash.Quality.Assurance;
using static Mash.Quality.Tests.Assurance.TestIndicators;

namespace Mash.Quality.Tests.Assurance;

/// <summary>An indicator's period judged whole, from its values.</summary>
public sealed class AssuranceEvaluatorTests
{
    [Fact]
    public void Calderdales_Q2_2015_16_rate_of_65_after_55_1_is_met_positive_Safe_and_Green()
    {
        var assessment = AssuranceEvaluator.Evaluate(Indicator(thresholds: Calderdale), Q2, [55.1, 65], Rules);
        Assert.Equal(new IndicatorJudgement(TargetResult.Met, Trend.Positive, RagRating.Green, AssuranceLevel.Safe), assessment.Judgement);
        Assert.Empty(assessment.Actions);
        Assert.False(assessment.IsException);
    }

    [Fact]
    public void A_rate_of_55_1_after_65_is_missed_negative_Unsafe_and_Amber_watched()
    {
        var assessment = AssuranceEvaluator.Evaluate(Indicator(thresholds: Calderdale), Q2, [65, 55.1], Rules);
        Assert.Equal(new IndicatorJudgement(TargetResult.Missed, Trend.Negative, RagRating.Amber, AssuranceLevel.Unsafe), assessment.Judgement);
        Assert.Equal(["watch"], assessment.Actions.Select(a => a.Rule));
    }

    [Fact]
    public void A_rate_of_40_after_50_is_Red_with_missed_target_and_downward_trend_so_audited() =>
        Assert.Equal(["audit"], AssuranceEvaluator.Evaluate(Indicator(thresholds: Calderdale), Q2, [50, 40], Rules).Actions.Select(a => a.Rule));

    [Fact]
    public void Values_are_judged_at_the_indicators_precision()
    {
        // 59.96 is reported as 60.0 (one decimal place), which meets 60.
        var assessment = AssuranceEvaluator.Evaluate(Indicator(), Q2, [59.0, 59.96], Rules);
        Assert.Equal((60.0, TargetResult.Met), (assessment.Value, assessment.Judgement.Target));
    }

    [Fact]
    public void The_trend_reads_only_the_unbroken_run_of_counted_periods()
    {
        var assessment = AssuranceEvaluator.Evaluate(Indicator(), Q2, [70, null, 65], Rules);
        Assert.Equal([65.0], assessment.Values);
        Assert.Equal((Trend.Unknown, AssuranceLevel.NotAssessed), (assessment.Judgement.Trend, assessment.Judgement.Assurance));
    }

    [Fact]
    public void Nothing_counted_in_the_period_is_no_value_and_no_judgement()
    {
        var assessment = AssuranceEvaluator.Evaluate(Indicator(), Q2, [65, null], Rules);
        Assert.Equal((null, AssuranceLevel.NotAssessed, null), (assessment.Value, assessment.Judgement.Assurance, assessment.NotComputed));
    }

    [Fact]
    public void An_indicator_not_computed_says_why_and_has_no_value()
    {
        var assessment = AssuranceEvaluator.NotComputed(Indicator(), Q2, "not yet computed");
        Assert.Equal(("not yet computed", null, AssuranceLevel.NotAssessed), (assessment.NotComputed, assessment.Value, assessment.Judgement.Assurance));
    }
}
