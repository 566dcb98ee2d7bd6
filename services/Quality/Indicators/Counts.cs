namespace Mash.Quality.Indicators;

/// <summary>A measure's split: how many facts fall under each key (an agency, a RAG, a band).</summary>
internal static class Counts
{
    public static Dictionary<string, long> By<T>(IEnumerable<T> facts, Func<T, string> key) =>
        facts.CountBy(key).ToDictionary(g => g.Key, g => (long)g.Value);

    /// <summary>The same where a fact may stand for several alike (a day's rollup): each counts as many as it stands for.</summary>
    public static Dictionary<string, long> By<T>(IEnumerable<T> facts, Func<T, string> key, Func<T, long> count) =>
        facts.GroupBy(key).ToDictionary(g => g.Key, g => g.Sum(count));

    /// <summary>How many the facts stand for.</summary>
    public static long Of<T>(IEnumerable<T> facts, Func<T, long> count) => facts.Sum(count);
}
