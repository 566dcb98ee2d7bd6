using Mash.Outcomes.Feedback;

namespace Mash.Outcomes.Tests.Feedback;

public sealed class FeedbackTallyTests
{
    [Fact]
    public void Three_of_four_told_is_75_percent_with_one_not_told() =>
        Assert.Equal((75.0, 1L), (new FeedbackTally("police-west", 4, 3, 0, 0).PercentTold, new FeedbackTally("police-west", 4, 3, 0, 0).NotTold));

    [Fact]
    public void Nothing_owed_is_zero_percent_not_a_perfect_score() => Assert.Equal(0, new FeedbackTally("a", 0, 0, 0, 0).PercentTold);

    [Fact]
    public void The_average_time_to_tell_is_over_the_agencies_told() =>
        Assert.Equal(TimeSpan.FromHours(2), new FeedbackTally("a", 5, 2, TimeSpan.FromHours(4).TotalSeconds, 0).AverageTimeToTell);

    [Fact]
    public void None_told_has_no_time_to_tell() => Assert.Equal(TimeSpan.Zero, new FeedbackTally("a", 3, 0, 0, 0).AverageTimeToTell);

    [Fact]
    public void The_total_sums_agencies_and_keeps_the_longest_wait()
    {
        // police: 2 owed, 1 told after 1 h; school: 2 owed, 2 told after 2 h and 4 h (6 h in all).
        var total = FeedbackTally.Total([new("police-west", 2, 1, 3600, 3600), new("school-9", 2, 2, 6 * 3600, 4 * 3600)]);
        Assert.Equal(("", 4L, 3L, 75.0), (total.AgencyId, total.Owed, total.Told, total.PercentTold));
        Assert.Equal((TimeSpan.FromHours(7.0 / 3), TimeSpan.FromHours(4)), (total.AverageTimeToTell, total.LongestTimeToTell));
    }
}
