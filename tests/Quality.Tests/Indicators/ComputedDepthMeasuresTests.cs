using Mash.Contracts.Common.V1;
using Mash.Quality.Facts;
using Mash.Quality.Indicators;
using static Mash.Quality.Tests.Indicators.ActivityTestFacts;
using static Mash.Quality.Tests.Indicators.DepthTestFacts;
using static Mash.Quality.Tests.Indicators.TestFacts;

namespace Mash.Quality.Tests.Indicators;

/// <summary>
/// The values D3, D6, R3, T3, T5, O2, O6 and O7 are judged on, worked by hand over one period ending
/// Tuesday 12:00: four contacts (two children's, two adults'; consent given for one, overridden for
/// another), three presenting issues; two outcomes,
/// one re-rated Green to Red, going on to two agencies, with one gap; four contacts open at the end,
/// one a high-risk domestic abuse notification;
/// two incidents, one completed in 3 h and one open 27 h (a miss); one consultation.
/// </summary>
public sealed class ComputedDepthMeasuresTests
{
    private static readonly ScorecardFacts Period = new(
        [ContactOfType("c1", "police-west", "concern", Pathway.Children) with { Consent = "CONSENT_STATE_GIVEN" },
         ContactOfType("c2", "police-west", "concern", Pathway.Children) with { Consent = "CONSENT_STATE_OVERRIDDEN" },
         ContactOfType("c3", "police-west", "concern", Pathway.Adults), ContactOfType("c4", "police-west", "concern", Pathway.Adults)],
        [], [Rerated("r1", Rag.Green, Rag.Red), Rerated("r2", Rag.Amber, Rag.Amber)], [])
    {
        Activity = ActivityFacts.None with
        {
            PresentingIssues = [new("c1", "neglect"), new("c1", "domestic-abuse"), new("c2", "neglect")],
        },
        Depth = new(
            [Contributed("r1", "health-east"), Onward("r1", "gp-7"), Onward("r1", "camhs")],
            [new("r1", "not-registered-with-gp")],
            [],
            [Consultation("k1", "social-work")],
            [Incident("c1", TimeSpan.FromHours(3)), Incident("c2", null)],
            [DepthTestFacts.Open("c2", Rag.Red, TimeSpan.FromHours(27)) with { DashRisk = "DASH_RISK_HIGH" }, DepthTestFacts.Open("c3", Rag.Amber, TimeSpan.FromHours(1)),
             DepthTestFacts.Open("c0", Rag.Green, TimeSpan.FromDays(30)), DepthTestFacts.Open("c9", Rag.Unspecified, TimeSpan.FromDays(2))]),
        End = Monday.AddHours(27),
    };

    [Theory]
    [InlineData("D3", 3.0)]    // three issues recorded on the period's contacts
    [InlineData("D6", 2.0)]    // two on the children's pathway
    [InlineData("R3", 1.0)]    // r1 went from Green to Red; r2 stayed Amber
    [InlineData("T3", 4.0)]    // four open at the end, whenever received
    [InlineData("T5", 50.0)]   // c1 in 3 h; c2 open 27 h after its incident, a miss
    [InlineData("O2", 2.0)]    // r1 went on to a GP and CAMHS
    [InlineData("O6", 1.0)]
    [InlineData("O7", 1.0)]
    [InlineData("D7", 1.0)]    // c2, high risk, outstanding at the end
    [InlineData("D8", 25.0)]   // consent sought (and given) for 1 of 4 contacts; an override is not sought
    public void Each_measure_gives_its_hand_worked_value(string measure, double value) =>
        Assert.Equal(value, ComputedMeasures.ById[measure].Value(Period));

    [Fact]
    public void T5_with_no_incident_judged_has_no_value() =>
        Assert.Null(ComputedMeasures.ById["T5"].Value(new ScorecardFacts([], [], [], [])));
}
