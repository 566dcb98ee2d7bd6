using Mash.Outcomes.Correcting;
using Mash.Outcomes.Recording;

namespace Mash.Outcomes.Tests.Correcting;

public sealed class CorrectionRulesTests
{
    private static readonly RecordedOutcome Corrected = new("ref-1", "assessment", Revision: 2, PractitionerId: "sw-1", Reason: "late disclosure");

    [Fact]
    public void The_same_correction_again_is_a_retry_answering_as_the_first() =>
        Assert.Equal(new CorrectOutcomeResult.Corrected("ref-1", 2), CorrectionRules.Retry(Corrected, "assessment", "late disclosure", "sw-1"));

    [Theory]
    [InlineData("assessment", "another reason", "sw-1")]
    [InlineData("assessment", "late disclosure", "sw-2")]
    [InlineData("nfa", "late disclosure", "sw-1")]
    public void A_correction_differing_in_anything_is_not_a_retry(string outcome, string reason, string practitionerId) =>
        Assert.Null(CorrectionRules.Retry(Corrected, outcome, reason, practitionerId));

    [Fact]
    public void A_first_outcome_is_never_a_correction_to_retry() =>
        Assert.Null(CorrectionRules.Retry(new RecordedOutcome("ref-1", "nfa", Revision: 1, PractitionerId: "sw-1"), "nfa", "", "sw-1"));

    [Fact]
    public void Correcting_to_the_outcome_in_force_is_refused_naming_it()
    {
        var refused = Assert.IsType<CorrectOutcomeResult.Refused>(CorrectionRules.MustChange(Corrected, "assessment"));
        Assert.Contains("assessment", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Correcting_to_another_outcome_goes_on() => Assert.Null(CorrectionRules.MustChange(Corrected, "nfa"));

    [Fact]
    public void A_correction_never_comes_before_the_outcome_it_corrects()
    {
        var at = new DateTimeOffset(2025, 3, 4, 10, 0, 0, TimeSpan.Zero);
        var current = Corrected with { OccurredAt = at };
        Assert.IsType<CorrectOutcomeResult.BadTime>(CorrectionRules.NotBeforeWhatItCorrects(current, at.AddTicks(-1)));
        Assert.Null(CorrectionRules.NotBeforeWhatItCorrects(current, at));
    }
}
