using Mash.Quality.Facts;

namespace Mash.Quality.Indicators;

/// <summary>D1: contacts received, by referring agency.</summary>
internal static class ContactsByAgency
{
    public static Dictionary<string, long> Compute(IEnumerable<ContactFact> contacts) =>
        Counts.By(contacts, c => c.AgencyId, c => c.Count);
}
