using Mash.Intake.Returns.Fields;

namespace Mash.Intake.Tests.Returns;

public sealed class ReferralNfaTests
{
    [Theory]
    [InlineData("nfa", "Yes", "true")]
    [InlineData("early-help", "Yes", "true")]
    [InlineData("onward-referral", "Yes", "true")]
    [InlineData("assessment", "No", "false")]
    [InlineData("strategy-discussion", "No", "false")]
    [InlineData(null, "", "")]
    [InlineData("not-an-outcome", "", "")]
    public void The_outcome_s_group_says_whether_it_was_no_further_action(string? outcome, string annexA, string cin)
    {
        Assert.Equal(annexA, ReferralNfa.AnnexA(outcome, ReturnSubjects.Codes));
        Assert.Equal(cin, ReferralNfa.Cin(outcome, ReturnSubjects.Codes));
    }
}
