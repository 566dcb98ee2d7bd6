using Mash.Quality.Facts;

namespace Mash.Quality.Indicators;

/// <summary>O6: gaps found through triangulation with the period's outcomes (a child not in education, not registered with a GP, …), by gap.</summary>
internal static class GapsFound
{
    public static long Count(IEnumerable<GapFact> gaps) => Counts.Of(gaps, g => g.Count);

    public static Dictionary<string, long> ByGap(IEnumerable<GapFact> gaps) => Counts.By(gaps, g => g.Gap, g => g.Count);
}
