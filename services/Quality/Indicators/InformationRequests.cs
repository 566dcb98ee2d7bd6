using Mash.Quality.Facts;

namespace Mash.Quality.Indicators;

/// <summary>R5: requests for information sent in the period, by the partner agency asked.</summary>
internal static class InformationRequests
{
    public static Dictionary<string, long> ByAgency(IEnumerable<InformationRequestFact> requests) =>
        Counts.By(requests, r => r.AgencyId, r => r.Count);
}
