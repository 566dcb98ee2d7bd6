using Mash.Quality.Facts;

namespace Mash.Quality.Indicators;

/// <summary>
/// O3: referrals about a subject already referred within the repeat window (the seed frameworks'
/// 12 months) ÷ referrals. A referral counts in the period its outcome was recorded.
/// </summary>
internal static class RepeatReferralRate
{
    /// <summary>Cases whose contact met the threshold: referrals.</summary>
    public static long Referrals(IEnumerable<OutcomeFact> outcomes) => Counts.Of(outcomes.Where(o => o.ThresholdMet), o => o.Count);

    /// <summary>Referrals whose subject had been referred within the window before them.</summary>
    public static long RepeatReferrals(IEnumerable<OutcomeFact> outcomes) => Counts.Of(outcomes.Where(o => o.ThresholdMet && o.IsRepeatReferral), o => o.Count);

    /// <summary>Repeat referrals ÷ referrals, between 0 and 1; 0 when there were no referrals (none is not all repeats).</summary>
    public static double Rate(long referrals, long repeatReferrals) => referrals == 0 ? 0 : (double)repeatReferrals / referrals;
}
