using Mash.Quality.Facts;

namespace Mash.Quality.Indicators;

/// <summary>T1: decisions made within the partnership's RAG target.</summary>
internal static class DecisionTimeliness
{
    public static long DecisionsTimed(IEnumerable<DecisionTimingFact> timings) => Counts.Of(timings, t => t.Count);

    public static long DecisionsWithinTarget(IEnumerable<DecisionTimingFact> timings) => Counts.Of(timings.Where(t => t.WithinTarget), t => t.Count);

    /// <summary>Within target ÷ timed, between 0 and 1; 0 when nothing was timed (no decisions is not 100% on time).</summary>
    public static double ShareWithinTarget(long timed, long withinTarget) => timed == 0 ? 0 : (double)withinTarget / timed;
}
