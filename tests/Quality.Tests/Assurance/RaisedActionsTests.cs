using Mash.Quality.Assurance;
using static Mash.Quality.Tests.Assurance.TestIndicators;

namespace Mash.Quality.Tests.Assurance;

/// <summary>Which proposed actions Quality acts on itself, and the reason a raised audit gives, worked by hand.</summary>
public sealed class RaisedActionsTests
{
    // Calderdale's EISA rate: 50 then 40 against a target of 60, Red below 45: missed, negative, Red, Unsafe.
    private static readonly IndicatorAssessment Falling = AssuranceEvaluator.Evaluate(Indicator(thresholds: Calderdale), Q2, [50, 40], Rules);

    // 40 then 50: missed but rising, Amber between 45 and 60: a Trigger, watched.
    private static readonly IndicatorAssessment Rising = AssuranceEvaluator.Evaluate(Indicator(thresholds: Calderdale, reference: "1.2"), Q2, [40, 50], Rules);

    [Fact]
    public void Perform_audit_raises_an_audit_and_watch_next_quarter_a_watch()
    {
        var raised = RaisedActions.Of([Falling, Rising], "perform-audit", "watch-next-quarter");

        Assert.Equal([(RaisedKind.Audit, "1.1"), (RaisedKind.Watch, "1.2")], raised.Select(r => (r.Kind, r.Assessment.Indicator.Reference)));
    }

    [Fact]
    public void An_action_not_configured_as_audit_or_watch_raises_nothing() =>
        Assert.Empty(RaisedActions.Of([Falling, Rising], "audit-now", "keep-an-eye"));

    [Fact]
    public void The_same_indicator_and_period_assessed_twice_raises_once() =>
        Assert.Single(RaisedActions.Of([Falling, Falling], "perform-audit", "watch-next-quarter"));

    [Fact]
    public void The_reason_says_the_value_target_trend_RAG_continuum_and_rule()
    {
        var audit = RaisedActions.Of([Falling], "perform-audit", "watch-next-quarter").Single();

        Assert.Equal(
            "1.1 2015/16 Q2: 40 against a target of 60 (missed), trend negative over [50, 40], RAG red, unsafe. Rule 'audit': Perform audit.",
            audit.Reason);
    }
}
