using Mash.Contracts.Quality.V1;
using Mash.Quality.Facts;

namespace Mash.Quality.Indicators;

/// <summary>The scorecard: each indicator computed from the same period's facts.</summary>
internal static class Scorecards
{
    public static Scorecard Compute(ScorecardFacts facts)
    {
        var timed = DecisionTimeliness.DecisionsTimed(facts.DecisionTimings);
        var withinTarget = DecisionTimeliness.DecisionsWithinTarget(facts.DecisionTimings);
        var referrals = RepeatReferralRate.Referrals(facts.Outcomes);
        var repeatReferrals = RepeatReferralRate.RepeatReferrals(facts.Outcomes);
        return new Scorecard
        {
            ContactsByAgency = { ContactsByAgency.Compute(facts.Contacts) },
            ContactsByRag = { ContactsByRag.Compute(facts.Ratings) },
            Outcomes = { OutcomesByCode.Compute(facts.Outcomes) },
            DecisionsTimed = timed,
            DecisionsWithinTarget = withinTarget,
            ShareWithinTarget = DecisionTimeliness.ShareWithinTarget(timed, withinTarget),
            Referrals = referrals,
            RepeatReferrals = repeatReferrals,
            RepeatReferralRate = RepeatReferralRate.Rate(referrals, repeatReferrals),
        };
    }
}
