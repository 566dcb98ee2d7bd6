using Mash.Contracts.Common.V1;
using Mash.Outcomes.Recording;
using Mash.Outcomes.Tests.Infrastructure;

namespace Mash.Outcomes.Tests.Recording;

public sealed class JourneyRulesTests
{
    [Fact]
    public void A_received_rated_and_decided_contact_can_take_an_outcome() =>
        Assert.Null(JourneyRules.WhyNoOutcomeYet(TestJourneys.Complete()));

    [Fact]
    public void A_contact_must_be_decided() =>
        Assert.NotNull(JourneyRules.MustBeDecided(TestJourneys.Complete() with { Decided = false }));

    [Fact]
    public void A_decision_that_the_threshold_is_not_met_is_still_a_decision() =>
        Assert.Null(JourneyRules.MustBeDecided(TestJourneys.Complete() with { ThresholdMet = false }));

    [Fact]
    public void The_contacts_intake_details_must_have_arrived() =>
        Assert.NotNull(JourneyRules.MustBeReceived(TestJourneys.Complete() with { Received = false }));

    [Fact]
    public void The_contacts_rating_must_have_arrived() =>
        Assert.NotNull(JourneyRules.MustBeRated(TestJourneys.Complete() with { InitialRag = Rag.Unspecified, FinalRag = Rag.Unspecified }));

    [Fact]
    public void An_undecided_contact_is_refused_for_that_reason_first()
    {
        var reason = JourneyRules.WhyNoOutcomeYet(TestJourneys.Complete() with { Decided = false, Received = false });
        Assert.Equal(JourneyRules.MustBeDecided(TestJourneys.Complete() with { Decided = false }), reason);
    }
}
