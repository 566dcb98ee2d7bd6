using Mash.Quality.Facts;

namespace Mash.Quality.Indicators;

/// <summary>T4: deadlines breached in the period, by the RAG they were due under.</summary>
internal static class DeadlineBreaches
{
    public static Dictionary<string, long> ByRag(IEnumerable<DeadlineBreachFact> breaches) =>
        breaches.CountBy(b => ContactsByRag.NameOf(b.Rag)).ToDictionary(g => g.Key, g => (long)g.Value);
}
