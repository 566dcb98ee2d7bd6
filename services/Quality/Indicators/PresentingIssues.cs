using Mash.Quality.Facts;

namespace Mash.Quality.Indicators;

/// <summary>D3: the period's contacts by presenting issue; a contact with several counts under each.</summary>
internal static class PresentingIssues
{
    public static Dictionary<string, long> Compute(IEnumerable<PresentingIssueFact> issues) => Counts.By(issues, i => i.Issue, i => i.Count);

    /// <summary>The value D3 is judged on: the presenting issues recorded on the period's contacts, the mix's total.</summary>
    public static long Recorded(IEnumerable<PresentingIssueFact> issues) => Counts.Of(issues, i => i.Count);
}
