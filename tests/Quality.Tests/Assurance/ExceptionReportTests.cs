using Mash.Quality.Assurance;
using static Mash.Quality.Tests.Assurance.TestIndicators;

namespace Mash.Quality.Tests.Assurance;

public sealed class ExceptionReportTests
{
    [Fact]
    public void Triggers_and_Unsafe_indicators_are_exceptions_with_their_narrative_Safe_and_unassessed_are_not()
    {
        IndicatorAssessment[] assessments =
        [
            AssuranceEvaluator.Evaluate(Indicator(reference: "safe"), Q2, [55, 65], Rules),
            AssuranceEvaluator.Evaluate(Indicator(reference: "trigger"), Q2, [40, 50], Rules),
            AssuranceEvaluator.Evaluate(Indicator(reference: "unsafe"), Q2, [50, 40], Rules),
            AssuranceEvaluator.NotComputed(Indicator(reference: "not-computed"), Q2, "not yet computed"),
        ];

        var exceptions = ExceptionReport.Of(assessments);

        Assert.Equal(["trigger", "unsafe"], exceptions.Select(e => e.Indicator.Reference));
        Assert.Equal("Narrative of trigger.", exceptions[0].Indicator.Narrative);
    }
}
