using Mash.Quality.Facts;
using Mash.Quality.Indicators;
using static Mash.Quality.Tests.Indicators.ActivityTestFacts;

namespace Mash.Quality.Tests.Indicators;

/// <summary>D2 and O5, worked by hand: of four decisions, three met the threshold (two from the police, one from a school).</summary>
public sealed class ContactConversionTests
{
    private static readonly DecisionFact[] Decisions =
        [Decision("c1", true), Decision("c2", true), Decision("c3", true, "st-marys-school"), Decision("c4", false, "st-marys-school")];

    [Fact]
    public void Referrals_are_the_decisions_that_met_the_threshold() => Assert.Equal(3, ContactConversion.Referrals(Decisions));

    [Fact]
    public void Below_threshold_are_the_decisions_that_did_not() => Assert.Equal(1, ContactConversion.BelowThreshold(Decisions));

    [Fact]
    public void Referrals_are_split_by_the_agency_that_made_the_contact() =>
        Assert.Equal(new Dictionary<string, long> { ["police-west"] = 2, ["st-marys-school"] = 1 }, ContactConversion.ReferralsByAgency(Decisions));
}
