using Mash.Quality.Facts;

namespace Mash.Quality.Indicators;

/// <summary>
/// D8: the period's contacts by consent state, and those where consent was sought: asked for, whether
/// then given or refused. An override without asking (the lawful reason kept in Intake) is not sought.
/// </summary>
internal static class Consent
{
    private static readonly HashSet<string> Sought = new(StringComparer.Ordinal) { "CONSENT_STATE_SOUGHT", "CONSENT_STATE_GIVEN", "CONSENT_STATE_REFUSED" };

    public static long WhereSought(IEnumerable<ContactFact> contacts) => Counts.Of(contacts.Where(c => Sought.Contains(c.Consent)), c => c.Count);

    public static Dictionary<string, long> ByState(IEnumerable<ContactFact> contacts) => Counts.By(contacts.Where(c => c.Consent.Length > 0), c => c.Consent, c => c.Count);
}
