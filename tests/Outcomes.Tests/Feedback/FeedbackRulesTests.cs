using Mash.Outcomes.Feedback;

namespace Mash.Outcomes.Tests.Feedback;

public sealed class FeedbackRulesTests
{
    [Fact]
    public void The_referrer_and_every_contributor_are_owed_the_outcome_each_once() =>
        Assert.Equal(["health-east", "police-west", "school-9"], FeedbackRules.Owed("police-west", ["school-9", "health-east", "police-west"]));

    [Fact]
    public void A_contact_whose_referrer_is_unknown_owes_only_its_contributors() =>
        Assert.Equal(["school-9"], FeedbackRules.Owed("", ["school-9"]));

    [Fact]
    public void An_agency_owed_the_outcome_may_be_told() => Assert.Null(FeedbackRules.MustBeOwed(["police-west"], "police-west"));

    [Fact]
    public void An_agency_not_owed_it_is_refused_naming_those_that_are()
    {
        var why = FeedbackRules.MustBeOwed(["police-west", "school-9"], "housing-1");
        Assert.Contains("police-west, school-9", why, StringComparison.Ordinal);
    }

    [Fact]
    public void Nobody_is_told_an_outcome_before_it_was_recorded()
    {
        var outcomeAt = new DateTimeOffset(2025, 3, 4, 10, 0, 0, TimeSpan.Zero);
        Assert.NotNull(FeedbackRules.NotBeforeTheOutcome(outcomeAt.AddSeconds(-1), outcomeAt));
        Assert.Null(FeedbackRules.NotBeforeTheOutcome(outcomeAt, outcomeAt));
    }
}
