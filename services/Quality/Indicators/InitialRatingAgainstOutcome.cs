using Mash.Contracts.Common.V1;
using Mash.Quality.Facts;

namespace Mash.Quality.Indicators;

/// <summary>
/// R3: the period's contacts' outcomes by their initial RAG and outcome ("RAG_GREEN→strategy-discussion"),
/// and those whose RAG changed between the first rating and the outcome: what information sharing
/// added. The outcome's severity is read as the RAG in force when it was recorded; no seed grades
/// the outcome codes themselves.
/// </summary>
internal static class InitialRatingAgainstOutcome
{
    public static Dictionary<string, long> ByInitialRag(IEnumerable<OutcomeFact> outcomes) =>
        Counts.By(outcomes.Where(o => o.InitialRag != Rag.Unspecified), o => $"{ContactsByRag.NameOf(o.InitialRag)}→{o.Outcome}", o => o.Count);

    public static long Rerated(IEnumerable<OutcomeFact> outcomes) =>
        Counts.Of(outcomes.Where(o => o.InitialRag != Rag.Unspecified && o.FinalRag != Rag.Unspecified && o.InitialRag != o.FinalRag), o => o.Count);
}
