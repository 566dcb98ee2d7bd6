using Mash.Quality.Facts;

namespace Mash.Quality.Indicators;

/// <summary>T4: deadlines breached (or, apart, about to be) in the period, by the RAG they were due under.</summary>
internal static class DeadlineBreaches
{
    public static Dictionary<string, long> ByRag(IEnumerable<DeadlineAlertFact> breaches) =>
        Counts.By(breaches, b => ContactsByRag.NameOf(b.Rag), b => b.Count);
}
