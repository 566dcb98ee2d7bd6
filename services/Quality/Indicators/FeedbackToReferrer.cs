using Mash.Quality.Facts;

namespace Mash.Quality.Indicators;

/// <summary>O4: of the period's referrals (its contacts decided over the threshold), those whose referrer was told the outcome by the period's end.</summary>
internal static class FeedbackToReferrer
{
    public static long ReferralsFedBack(IEnumerable<DecisionFact> decisions, IEnumerable<FeedbackFact> feedback)
    {
        var told = feedback.Select(f => f.ContactId).ToHashSet(StringComparer.Ordinal);
        return decisions.LongCount(d => d.ThresholdMet && told.Contains(d.ContactId));
    }
}
