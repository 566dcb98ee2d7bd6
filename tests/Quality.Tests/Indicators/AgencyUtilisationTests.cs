using Mash.Quality.Facts;
using Mash.Quality.Indicators;
using static Mash.Quality.Tests.Indicators.DepthTestFacts;

namespace Mash.Quality.Tests.Indicators;

/// <summary>O2: r1 heard from health and a school and went on to a GP and CAMHS; r2 heard from health and went on to a GP.</summary>
public sealed class AgencyUtilisationTests
{
    private static readonly OutcomeAgencyFact[] Agencies =
    [
        Contributed("r1", "health-east"), Contributed("r1", "st-marys-school"), Onward("r1", "gp-7"), Onward("r1", "camhs"),
        Contributed("r2", "health-east"), Onward("r2", "gp-7"),
    ];

    [Fact]
    public void Onward_referrals_to_named_agencies_are_counted() => Assert.Equal(3, AgencyUtilisation.OnwardReferrals(Agencies));

    [Fact]
    public void The_agencies_that_contributed_are_counted_once_per_case() =>
        Assert.Equal(new Dictionary<string, long> { ["health-east"] = 2, ["st-marys-school"] = 1 }, AgencyUtilisation.ByAgency(Agencies, OutcomeAgencyFact.Contributed));

    [Fact]
    public void The_agencies_that_received_the_outcome_are_counted_once_per_case() =>
        Assert.Equal(new Dictionary<string, long> { ["gp-7"] = 2, ["camhs"] = 1 }, AgencyUtilisation.ByAgency(Agencies, OutcomeAgencyFact.Onward));
}
