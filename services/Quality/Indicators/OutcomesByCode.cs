using Mash.Quality.Facts;

namespace Mash.Quality.Indicators;

/// <summary>O1: outcomes recorded, by outcome code.</summary>
internal static class OutcomesByCode
{
    public static Dictionary<string, long> Compute(IEnumerable<OutcomeFact> outcomes) =>
        outcomes.CountBy(o => o.Outcome).ToDictionary(g => g.Key, g => (long)g.Value);
}
