using Mash.Quality.Facts;

namespace Mash.Quality.Indicators;

/// <summary>O4 beyond the referrer: agencies told a case's outcome in the period, the referrer and those that contributed information.</summary>
internal static class AgenciesTold
{
    public const string Referrer = "referrer";
    public const string Contributor = "contributing agency";

    public static Dictionary<string, long> ByRecipient(IEnumerable<AgencyFeedbackFact> feedback) =>
        Counts.By(feedback, f => f.ToReferrer ? Referrer : Contributor);
}
