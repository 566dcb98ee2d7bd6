namespace Mash.Quality.Indicators;

/// <summary>A measure's split: how many facts fall under each key (an agency, a RAG, a band).</summary>
internal static class Counts
{
    public static Dictionary<string, long> By<T>(IEnumerable<T> facts, Func<T, string> key) =>
        facts.CountBy(key).ToDictionary(g => g.Key, g => (long)g.Value);
}
