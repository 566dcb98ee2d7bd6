using Mash.Contracts.Common.V1;
using Mash.Triage.Queue;

namespace Mash.Triage.Tests.Queue;

public class DecisionRulesTests
{
    private static readonly ThresholdDecision Met = new(true, "sw-1", "risk of significant harm", DateTimeOffset.UnixEpoch);

    [Fact]
    public void An_unknown_contact_cannot_be_decided() =>
        Assert.Equal(DecisionStep.UnknownContact, DecisionRules.Check(null, true, "sw-1"));

    [Fact]
    public void An_unrated_contact_cannot_be_decided() =>
        Assert.Equal(DecisionStep.NotRated, DecisionRules.Check(RatingRulesTests.Entry(), true, "sw-1"));

    [Fact]
    public void A_rated_contact_is_decided() =>
        Assert.Equal(DecisionStep.Record, DecisionRules.Check(RatingRulesTests.Entry(Rag.Amber), false, "sw-1"));

    [Fact]
    public void The_same_practitioner_recording_the_same_decision_again_is_a_retry() =>
        Assert.Equal(DecisionStep.SameDecision, DecisionRules.Check(RatingRulesTests.Entry(Rag.Red, Met), true, "sw-1"));

    [Fact]
    public void A_different_decision_on_a_decided_contact_is_refused() =>
        Assert.Equal(DecisionStep.AlreadyDecided, DecisionRules.Check(RatingRulesTests.Entry(Rag.Red, Met), false, "sw-1"));

    [Fact]
    public void The_same_decision_by_another_practitioner_is_refused() =>
        Assert.Equal(DecisionStep.AlreadyDecided, DecisionRules.Check(RatingRulesTests.Entry(Rag.Red, Met), true, "sw-2"));
}
