using Mash.Quality.Facts;

namespace Mash.Quality.Indicators;

/// <summary>O2: which agencies contributed information to the period's outcomes, and which the outcomes went on to (each case once per agency).</summary>
internal static class AgencyUtilisation
{
    /// <summary>The value O2 is judged on: onward referrals to named agencies.</summary>
    public static long OnwardReferrals(IEnumerable<OutcomeAgencyFact> agencies) => Counts.Of(agencies.Where(a => a.Role == OutcomeAgencyFact.Onward), a => a.Count);

    public static Dictionary<string, long> ByAgency(IEnumerable<OutcomeAgencyFact> agencies, string role) =>
        Counts.By(agencies.Where(a => a.Role == role), a => a.AgencyId, a => a.Count);
}
