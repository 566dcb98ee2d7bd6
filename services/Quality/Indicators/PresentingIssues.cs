using Mash.Quality.Facts;

namespace Mash.Quality.Indicators;

/// <summary>D3: the period's contacts by presenting issue; a contact with several counts under each.</summary>
internal static class PresentingIssues
{
    public static Dictionary<string, long> Compute(IEnumerable<PresentingIssueFact> issues) => Counts.By(issues, i => i.Issue);
}
