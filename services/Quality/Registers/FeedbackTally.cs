namespace Mash.Quality.Registers;

/// <summary>Q4 for one agency ("" for every agency together): complaints and compliments received.</summary>
internal sealed record FeedbackTally(string AgencyId, long Complaints, long Compliments)
{
    /// <summary>Every agency together.</summary>
    public static FeedbackTally Total(IEnumerable<FeedbackTally> tallies) =>
        tallies.Aggregate(new FeedbackTally("", 0, 0), (t, a) => new("", t.Complaints + a.Complaints, t.Compliments + a.Compliments));
}
