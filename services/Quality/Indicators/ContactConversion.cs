using Mash.Quality.Facts;

namespace Mash.Quality.Indicators;

/// <summary>
/// D2: the period's contacts that became referrals (the threshold met, decided by the period's
/// end) ÷ the period's contacts. O5 is the other side: those decided below the threshold.
/// </summary>
internal static class ContactConversion
{
    public static long Referrals(IEnumerable<DecisionFact> decisions) => Counts.Of(decisions.Where(d => d.ThresholdMet), d => d.Count);

    /// <summary>O5: contacts decided not to meet the threshold.</summary>
    public static long BelowThreshold(IEnumerable<DecisionFact> decisions) => Counts.Of(decisions.Where(d => !d.ThresholdMet), d => d.Count);

    /// <summary>Referrals by the agency that made the contact.</summary>
    public static Dictionary<string, long> ReferralsByAgency(IEnumerable<DecisionFact> decisions) =>
        Counts.By(decisions.Where(d => d.ThresholdMet), d => d.AgencyId, d => d.Count);
}
