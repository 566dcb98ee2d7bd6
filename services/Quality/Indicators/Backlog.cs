using Mash.Quality.Facts;

namespace Mash.Quality.Indicators;

/// <summary>
/// T3: the contacts open (not yet decided) at the period's end, whenever received, by the RAG they
/// had then and by age band: under 1 day, 1 to 5 days, 5 to 20 days, 20 days or more (Timeliness's
/// shipped bands; Warwickshire's oldest were about four weeks).
/// </summary>
internal static class Backlog
{
    internal static readonly (TimeSpan From, string Name)[] AgeBands =
        [(TimeSpan.FromDays(20), "20 days or more"), (TimeSpan.FromDays(5), "5 to 20 days"), (TimeSpan.FromDays(1), "1 to 5 days"), (TimeSpan.Zero, "under 1 day")];

    public static long Open(IEnumerable<OpenContactFact> backlog) => Counts.Of(backlog, b => b.Count);

    public static Dictionary<string, long> ByRag(IEnumerable<OpenContactFact> backlog) => Counts.By(backlog, b => ContactsByRag.NameOf(b.Rag), b => b.Count);

    /// <summary>Each open contact's age at <paramref name="end"/>; none without an end (an unbounded period has no moment to age them at).</summary>
    public static Dictionary<string, long> ByAge(IEnumerable<OpenContactFact> backlog, DateTime? end) =>
        end is { } at ? Counts.By(backlog, b => AgeBandOf(at - b.ReceivedAt), b => b.Count) : [];

    internal static string AgeBandOf(TimeSpan age) => AgeBands.First(band => age >= band.From || band.From == TimeSpan.Zero).Name;
}
