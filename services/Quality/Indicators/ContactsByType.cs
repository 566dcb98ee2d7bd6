using Mash.Quality.Facts;

namespace Mash.Quality.Indicators;

/// <summary>
/// D4 and D5 by the contact types of the partnership's vocabulary (the shipped codes): early help
/// requests by agency, and the share of contacts that are requests for information.
/// </summary>
internal static class ContactsByType
{
    public const string EarlyHelpRequest = "early-help-request";
    public const string InformationRequest = "information-request";

    public static long Count(IEnumerable<ContactFact> contacts, string contactType) => Counts.Of(contacts.Where(c => c.ContactType == contactType), c => c.Count);

    public static Dictionary<string, long> ByAgency(IEnumerable<ContactFact> contacts, string contactType) =>
        Counts.By(contacts.Where(c => c.ContactType == contactType), c => c.AgencyId, c => c.Count);
}
