using Mash.Quality.Facts;

namespace Mash.Quality.Indicators;

/// <summary>
/// T2: partner agencies' answers given in the period, by Triage's response band, and those within
/// Walsall's first band of 4 hours (elapsed) from the request, whatever the bands are called.
/// </summary>
internal static class ResponseTimes
{
    public static readonly TimeSpan FirstBand = TimeSpan.FromHours(4);

    public static long WithinFirstBand(IEnumerable<InformationResponseFact> responses) =>
        Counts.Of(responses.Where(r => r.OccurredAt - r.RequestedAt <= FirstBand), r => r.Count);

    public static Dictionary<string, long> ByBand(IEnumerable<InformationResponseFact> responses) =>
        Counts.By(responses, r => r.ResponseBand, r => r.Count);
}
