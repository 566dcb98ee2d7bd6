namespace Mash.Outcomes.Feedback;

/// <summary>O4 for one agency (empty id: all of them): outcomes owed, told, and the seconds telling took.</summary>
internal sealed record FeedbackTally(string AgencyId, long Owed, long Told, double SecondsToTell, double LongestSecondsToTell)
{
    public long NotTold => Owed - Told;

    /// <summary>told ÷ owed × 100; nothing owed is 0, not a perfect score.</summary>
    public double PercentTold => Owed == 0 ? 0 : 100.0 * Told / Owed;

    /// <summary>Over the agencies told; zero when none was.</summary>
    public TimeSpan AverageTimeToTell => Told == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(SecondsToTell / Told);

    public TimeSpan LongestTimeToTell => TimeSpan.FromSeconds(LongestSecondsToTell);

    /// <summary>Every agency together.</summary>
    public static FeedbackTally Total(IEnumerable<FeedbackTally> agencies) =>
        agencies.Aggregate(new FeedbackTally("", 0, 0, 0, 0), (sum, a) =>
            new("", sum.Owed + a.Owed, sum.Told + a.Told, sum.SecondsToTell + a.SecondsToTell, Math.Max(sum.LongestSecondsToTell, a.LongestSecondsToTell)));
}
