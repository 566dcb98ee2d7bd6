using Mash.Outcomes.Recording;

namespace Mash.Outcomes.Tests.Recording;

public sealed class ExistingOutcomeRulesTests
{
    [Fact]
    public void The_same_outcome_again_answers_with_the_case_ref_already_given() =>
        Assert.Equal(new RecordOutcomeResult.Recorded("ref-1"), ExistingOutcomeRules.Repeat(new RecordedOutcome("ref-1", "early-help"), "early-help"));

    [Fact]
    public void A_different_outcome_is_refused_naming_the_recorded_one()
    {
        var refused = Assert.IsType<RecordOutcomeResult.Refused>(ExistingOutcomeRules.Repeat(new RecordedOutcome("ref-1", "early-help"), "nfa"));
        Assert.Contains("early-help", refused.Reason, StringComparison.Ordinal);
    }
}
