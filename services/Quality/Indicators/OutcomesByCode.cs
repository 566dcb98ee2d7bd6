using Mash.Quality.Facts;

namespace Mash.Quality.Indicators;

/// <summary>O1: outcomes recorded, by outcome code.</summary>
internal static class OutcomesByCode
{
    public static Dictionary<string, long> Compute(IEnumerable<OutcomeFact> outcomes) =>
        Counts.By(outcomes, o => o.Outcome, o => o.Count);
}
