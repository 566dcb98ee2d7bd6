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

    /// <summary>How long it took: the mean hours from each referral's decision to its referrer first being told; null when none was told.</summary>
    public static double? MeanHoursToFeedback(IEnumerable<DecisionFact> decisions, IEnumerable<FeedbackFact> feedback)
    {
        var toldAt = feedback.ToDictionary(f => f.ContactId, f => f.OccurredAt, StringComparer.Ordinal);
        var hours = decisions.Where(d => d.ThresholdMet && toldAt.ContainsKey(d.ContactId))
            .Select(d => (toldAt[d.ContactId] - d.OccurredAt).TotalHours).ToList();
        return hours.Count == 0 ? null : hours.Average();
    }
}
