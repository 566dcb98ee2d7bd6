using Mash.Contracts.Common.V1;
using Mash.Outcomes.Counting;

namespace Mash.Outcomes.Tests.Counting;

public sealed class InappropriateReferralsTests
{
    [Fact]
    public void The_shipped_vocabulary_counts_no_further_action_and_advice_only() =>
        Assert.Equal(["nfa", "advice"], InappropriateReferrals.Codes(DefaultVocabulary.Load()));

    [Fact]
    public void A_partnership_decides_which_of_its_outcomes_are_in_the_group() =>
        Assert.Equal(["signposted"], InappropriateReferrals.Codes(new Vocabulary
        {
            Outcomes = { new Term { Code = "signposted", Group = InappropriateReferrals.Group }, new Term { Code = "advice", Group = "advice" } },
        }));
}
