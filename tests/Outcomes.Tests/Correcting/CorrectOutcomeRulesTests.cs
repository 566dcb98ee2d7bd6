using Mash.Contracts.Common.V1;
using Mash.Contracts.Outcomes.V1;
using Mash.Outcomes.Correcting;

namespace Mash.Outcomes.Tests.Correcting;

public sealed class CorrectOutcomeRulesTests
{
    private static readonly Vocabulary Vocabulary = DefaultVocabulary.Load();

    private static CorrectOutcomeRequest Valid() => new() { ContactId = Guid.NewGuid().ToString(), Outcome = "assessment", Reason = "Police disclosure arrived after the decision." };

    [Fact]
    public void A_complete_request_breaks_no_rule() => Assert.Empty(CorrectOutcomeRules.Check(Valid(), Vocabulary));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_reason_is_required(string reason)
    {
        var request = Valid();
        request.Reason = reason;
        Assert.Equal("reason", CorrectOutcomeRules.ReasonIsGiven(request)?.Field);
    }

    [Fact]
    public void A_reason_is_not_a_case_note()
    {
        var request = Valid();
        request.Reason = new string('x', CorrectOutcomeRules.MaxReasonLength + 1);
        Assert.Equal("reason", CorrectOutcomeRules.ReasonIsGiven(request)?.Field);
    }

    [Fact]
    public void Every_broken_rule_is_reported_at_once_naming_its_field() =>
        Assert.Equal(["contact_id", "outcome", "reason"], CorrectOutcomeRules.Check(new CorrectOutcomeRequest { Outcome = "not-a-code" }, Vocabulary).Select(v => v.Field));
}
