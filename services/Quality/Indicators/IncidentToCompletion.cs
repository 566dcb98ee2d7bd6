using Mash.Quality.Facts;

namespace Mash.Quality.Indicators;

/// <summary>
/// T5: of the period's contacts with a reported incident, those whose multi-agency process completed
/// (the contact first decided) within 24 hours (elapsed, up to and including) of the incident
/// (Warwickshire, 003 §3.4). Judged: those completed by the period's end, and those still open
/// whose 24 hours had run out by then; one open and still in time is not judged yet.
/// </summary>
internal static class IncidentToCompletion
{
    public static readonly TimeSpan Target = TimeSpan.FromHours(24);

    public static long Judged(IEnumerable<IncidentFact> incidents, DateTime? end) =>
        Counts.Of(incidents.Where(i => i.CompletedAt is not null || (end is { } at && at - i.IncidentAt > Target)), i => i.Count);

    public static long WithinTarget(IEnumerable<IncidentFact> incidents) =>
        Counts.Of(incidents.Where(i => i.CompletedAt is { } completed && completed - i.IncidentAt <= Target), i => i.Count);
}
