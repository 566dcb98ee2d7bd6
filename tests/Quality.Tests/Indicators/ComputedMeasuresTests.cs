using Mash.Contracts.Common.V1;
using Mash.Quality.Facts;
using Mash.Quality.Indicators;
using static Mash.Quality.Tests.Indicators.ActivityTestFacts;
using static Mash.Quality.Tests.Indicators.TestFacts;

namespace Mash.Quality.Tests.Indicators;

/// <summary>
/// Each new measure's one value, worked by hand over one period: four contacts (one early help
/// request, one request for information), two of them referrals and one below the threshold, one
/// referral fed back; two re-ratings, one escalation, three requests sent, two answers (one in 4 h),
/// one breach.
/// </summary>
public sealed class ComputedMeasuresTests
{
    private static readonly ScorecardFacts Period = new(
        [ContactOfType("c1", "police-west", "concern"), ContactOfType("c2", "police-west", "concern"),
         ContactOfType("c3", "police-west", ContactsByType.EarlyHelpRequest), ContactOfType("c4", "cafcass", ContactsByType.InformationRequest)],
        [], [], [])
    {
        Activity = new(
            [Decision("c1", true), Decision("c2", true), Decision("c3", false)],
            [Change(Rag.Red, Rag.Amber), Change(Rag.Green, Rag.Amber)],
            [Escalation("e1", "health")],
            [Request("i1", "health"), Request("i2", "health"), Request("i3", "gp")],
            [Response("i1", TimeSpan.FromHours(2)), Response("i2", TimeSpan.FromHours(6), "5–7 h")],
            [Breach("c2", Rag.Red)]),
        Depth = DepthFacts.None with
        {
            FeedbackOwed = [DepthTestFacts.Owed(toReferrer: true, TimeSpan.FromHours(1)), DepthTestFacts.Owed(toReferrer: true, null),
                            DepthTestFacts.Owed(toReferrer: false, TimeSpan.FromHours(5)), DepthTestFacts.Owed(toReferrer: false, null)],
        },
    };

    [Theory]
    [InlineData("D2", 50.0)]   // 2 referrals of 4 contacts
    [InlineData("D4", 1.0)]
    [InlineData("D5", 25.0)]   // 1 request for information of 4 contacts
    [InlineData("R2", 2.0)]
    [InlineData("R4", 1.0)]
    [InlineData("R5", 3.0)]
    [InlineData("T2", 50.0)]   // 1 of 2 answers within 4 h
    [InlineData("T4", 1.0)]
    [InlineData("O4", 50.0)]   // 2 of the 4 agencies owed told (a referrer and a contributor)
    [InlineData("O5", 1.0)]
    public void Each_measure_gives_its_hand_worked_value(string measure, double value) =>
        Assert.Equal(value, ComputedMeasures.ById[measure].Value(Period));

    [Theory]
    [InlineData("D2")]
    [InlineData("D5")]
    [InlineData("T2")]
    [InlineData("O4")]
    public void A_share_with_nothing_to_divide_by_has_no_value(string measure) =>
        Assert.Null(ComputedMeasures.ById[measure].Value(new ScorecardFacts([], [], [], [])));
}
