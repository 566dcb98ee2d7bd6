using Mash.Quality.Facts;

namespace Mash.Quality.Indicators;

/// <summary>R2: re-ratings made in the period, by the change ("RAG_RED→RAG_AMBER").</summary>
internal static class RatingChanges
{
    public static Dictionary<string, long> Compute(IEnumerable<RatingChangeFact> changes) =>
        Counts.By(changes, c => $"{ContactsByRag.NameOf(c.From)}→{ContactsByRag.NameOf(c.To)}", c => c.Count);
}
