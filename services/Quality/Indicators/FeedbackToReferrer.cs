using Mash.Quality.Facts;

namespace Mash.Quality.Indicators;

/// <summary>
/// O4: of the agencies owed the outcome of the period's referrals (each referrer and every agency that
/// contributed information), those told it by the period's end, as Outcomes recorded the tellings
/// (FeedbackGiven); and how long it took, from the outcome's first recording to the telling — the
/// same owed, told and time as Outcomes' GetFeedbackCounts.
/// </summary>
internal static class FeedbackToReferrer
{
    private const decimal MicrosPerHour = 3_600_000_000m;

    public static long Owed(IEnumerable<FeedbackOwedFact> owed) => Counts.Of(owed, f => f.Count);

    public static long Told(IEnumerable<FeedbackOwedFact> owed) => Counts.Of(owed.Where(f => f.Told), f => f.Count);

    /// <summary>The period's referrals whose referrer was told by its end.</summary>
    public static long ReferrersTold(IEnumerable<FeedbackOwedFact> owed) => Told(owed.Where(f => f.ToReferrer));

    /// <summary>The mean hours from an outcome's first recording to an agency owed it being told, over every telling; null when none was told.</summary>
    public static double? MeanHoursToTell(IEnumerable<FeedbackOwedFact> owed)
    {
        var told = owed.Where(f => f.Told).ToList();
        var tellings = Counts.Of(told, f => f.Count);
        // Summed in whole microseconds, as the rollup keeps them, so either read gives the same mean.
        return tellings == 0 ? null : (double)(told.Sum(f => f.MicrosToTell) / tellings / MicrosPerHour);
    }
}
