using Mash.Quality.Facts;

namespace Mash.Quality.Indicators;

/// <summary>O4 by recipient: of the agencies owed the period's referrals' outcomes, the referrers and the contributing agencies, those told by its end and those owed.</summary>
internal static class AgenciesTold
{
    public const string Referrer = "referrer";
    public const string Contributor = "contributing agency";

    public static Dictionary<string, long> ByRecipient(IEnumerable<FeedbackOwedFact> owed) =>
        Owed(owed.Where(f => f.Told));

    public static Dictionary<string, long> Owed(IEnumerable<FeedbackOwedFact> owed) =>
        Counts.By(owed, f => f.ToReferrer ? Referrer : Contributor, f => f.Count);
}
