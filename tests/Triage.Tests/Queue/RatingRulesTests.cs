using Mash.Contracts.Common.V1;
using Mash.Triage.Queue;

namespace Mash.Triage.Tests.Queue;

public class RatingRulesTests
{
    private static readonly DateTimeOffset At = new(2025, 6, 2, 9, 0, 0, TimeSpan.Zero);

    internal static QueueEntry Entry(Rag rag = Rag.Unspecified, ThresholdDecision? decision = null) =>
        new("c-1", "police-west", "concern", ["neglect"], At, rag, decision);

    [Fact]
    public void An_unknown_contact_cannot_be_rated() =>
        Assert.Equal(RatingStep.UnknownContact, RatingRules.Check(null, Rag.Red));

    [Fact]
    public void The_first_rating_is_recorded() =>
        Assert.Equal(RatingStep.Record, RatingRules.Check(Entry(), Rag.Amber));

    [Fact]
    public void A_rerating_to_another_rag_is_recorded() =>
        Assert.Equal(RatingStep.Record, RatingRules.Check(Entry(Rag.Red), Rag.Amber));

    [Fact]
    public void Rating_a_contact_with_the_rag_it_has_changes_nothing() =>
        Assert.Equal(RatingStep.Unchanged, RatingRules.Check(Entry(Rag.Green), Rag.Green));

    [Fact]
    public void A_decided_contact_is_not_rerated() =>
        Assert.Equal(RatingStep.AlreadyDecided, RatingRules.Check(Entry(Rag.Red, new ThresholdDecision(true, "sw-1", "", At)), Rag.Amber));
}

public class ReratingReasonTests
{
    [Fact]
    public void A_first_rating_may_come_without_a_reason() => Assert.Null(RatingRules.ReratingSaysWhy(RatingRulesTests.Entry(), ""));

    [Fact]
    public void A_rerating_needs_a_reason() => Assert.NotNull(RatingRules.ReratingSaysWhy(RatingRulesTests.Entry(Rag.Red), " "));

    [Fact]
    public void A_rerating_with_a_reason_stands() => Assert.Null(RatingRules.ReratingSaysWhy(RatingRulesTests.Entry(Rag.Red), "police check"));
}
