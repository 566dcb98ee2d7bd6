using Mash.Quality.Facts;
using Mash.Quality.Indicators;
using static Mash.Quality.Tests.Indicators.ActivityTestFacts;

namespace Mash.Quality.Tests.Indicators;

public sealed class EscalationsTests
{
    [Fact]
    public void Escalations_are_counted_by_the_agency_raising_them() =>
        Assert.Equal(
            new Dictionary<string, long> { ["police-west"] = 2, ["health"] = 1 },
            Escalations.ByAgency([Escalation("e1", "police-west"), Escalation("e2", "police-west"), Escalation("e3", "health")]));

    [Fact]
    public void Resolved_escalations_are_counted_by_resolution() =>
        Assert.Equal(
            new Dictionary<string, long> { ["decision-upheld"] = 2, ["decision-changed"] = 1 },
            Escalations.ByResolution(
            [
                new EscalationResolutionFact("e1", "health", "decision-upheld", TestFacts.Monday),
                new EscalationResolutionFact("e2", "health", "decision-upheld", TestFacts.Monday),
                new EscalationResolutionFact("e3", "police-west", "decision-changed", TestFacts.Monday),
            ]));
}
