using Mash.Quality.Assurance;
using static Mash.Quality.Tests.Assurance.TestIndicators;

namespace Mash.Quality.Tests.Assurance;

/// <summary>Calderdale's examples (004 §4.1.2) as configured rules.</summary>
public sealed class ActionRulesTests
{
    [Fact]
    public void Amber_with_missed_target_is_watched_next_quarter() =>
        Assert.Equal(["watch-next-quarter"], ActionRules.Propose(Rules, new(TargetResult.Missed, Trend.Positive, RagRating.Amber, AssuranceLevel.Trigger)).Select(a => a.Action));

    [Fact]
    public void Red_with_missed_target_and_downward_trend_is_audited() =>
        Assert.Equal(["perform-audit"], ActionRules.Propose(Rules, new(TargetResult.Missed, Trend.Negative, RagRating.Red, AssuranceLevel.Unsafe)).Select(a => a.Action));

    [Fact]
    public void Red_with_missed_target_but_steady_is_not_audited() =>
        Assert.Empty(ActionRules.Propose(Rules, new(TargetResult.Missed, Trend.Steady, RagRating.Red, AssuranceLevel.Unsafe)));

    [Fact]
    public void Amber_with_the_target_met_is_not_watched() =>
        Assert.Empty(ActionRules.Propose(Rules, new(TargetResult.Met, Trend.Negative, RagRating.Amber, AssuranceLevel.Trigger)));

    [Fact]
    public void A_rule_without_conditions_applies_to_every_judgement() =>
        Assert.Single(ActionRules.Propose([new ActionRule("all", null, null, null, null, "note", "Note it.", "test")],
            new(TargetResult.NoTarget, Trend.Unknown, RagRating.None, AssuranceLevel.NotAssessed)));
}
