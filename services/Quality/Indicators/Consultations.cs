using Mash.Quality.Facts;

namespace Mash.Quality.Indicators;

/// <summary>O7: professional consultations given in the period, by kind.</summary>
internal static class Consultations
{
    public static long Count(IEnumerable<ConsultationFact> consultations) => Counts.Of(consultations, c => c.Count);

    public static Dictionary<string, long> ByKind(IEnumerable<ConsultationFact> consultations) => Counts.By(consultations, c => c.Kind, c => c.Count);
}
