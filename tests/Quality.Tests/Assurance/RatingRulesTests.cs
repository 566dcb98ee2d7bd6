using Mash.Quality.Assurance;

namespace Mash.Quality.Tests.Assurance;

/// <summary>The sub-group agrees what the lead officer proposed (004 §4.1.2).</summary>
public sealed class RatingRulesTests
{
    [Fact]
    public void An_agreement_without_a_proposal_is_refused() =>
        Assert.Contains("proposed no rating", RatingRules.AgreementNeedsAProposal(RatingStage.Agreed, proposed: false));

    [Fact]
    public void An_agreement_of_a_proposed_rating_is_allowed() =>
        Assert.Null(RatingRules.AgreementNeedsAProposal(RatingStage.Agreed, proposed: true));

    [Fact]
    public void A_proposal_needs_nothing_before_it() =>
        Assert.Null(RatingRules.AgreementNeedsAProposal(RatingStage.Proposed, proposed: false));
}
