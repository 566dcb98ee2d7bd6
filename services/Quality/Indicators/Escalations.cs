using Mash.Quality.Facts;

namespace Mash.Quality.Indicators;

/// <summary>R4: escalations raised in the period, by the agency that raised them; those resolved in it, by resolution.</summary>
internal static class Escalations
{
    public static Dictionary<string, long> ByResolution(IEnumerable<EscalationResolutionFact> resolutions) => Counts.By(resolutions, r => r.Resolution, r => r.Count);

    public static Dictionary<string, long> ByAgency(IEnumerable<EscalationFact> escalations) =>
        Counts.By(escalations, e => e.RaisedByAgency, e => e.Count);
}
