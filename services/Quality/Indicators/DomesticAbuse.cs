using Mash.Quality.Facts;

namespace Mash.Quality.Indicators;

/// <summary>
/// D7: domestic abuse notifications (contacts carrying a DASH risk): the period's by risk, and those
/// outstanding (not yet decided) at its end by risk, whenever received (Warwickshire carried 15–20
/// medium and 400–500 standard, some four weeks old; their age is T3's age bands).
/// </summary>
internal static class DomesticAbuse
{
    public static Dictionary<string, long> ByRisk(IEnumerable<ContactFact> contacts) => Counts.By(contacts.Where(c => c.DashRisk.Length > 0), c => c.DashRisk, c => c.Count);

    /// <summary>The value D7 is judged on: notifications outstanding at the period's end.</summary>
    public static long Outstanding(IEnumerable<OpenContactFact> backlog) => Counts.Of(backlog.Where(b => b.DashRisk.Length > 0), b => b.Count);

    public static Dictionary<string, long> OutstandingByRisk(IEnumerable<OpenContactFact> backlog) =>
        Counts.By(backlog.Where(b => b.DashRisk.Length > 0), b => b.DashRisk, b => b.Count);
}
