using Mash.Contracts.Common.V1;
using Mash.Quality.Facts;
using Mash.Quality.Indicators;
using static Mash.Quality.Tests.Indicators.TestFacts;

namespace Mash.Quality.Tests.Indicators;

/// <summary>D7: three notifications (two standard, one high) and a contact that is not one; one standard and the high one outstanding.</summary>
public sealed class DomesticAbuseTests
{
    private static readonly ContactFact[] Contacts =
    [
        Contact("c1", "police-west") with { DashRisk = "DASH_RISK_STANDARD" }, Contact("c2", "police-west") with { DashRisk = "DASH_RISK_STANDARD" },
        Contact("c3", "police-west") with { DashRisk = "DASH_RISK_HIGH" }, Contact("c4", "st-marys-school"),
    ];

    private static readonly OpenContactFact[] Open =
        [new("c1", Rag.Green, Monday) { DashRisk = "DASH_RISK_STANDARD" }, new("c3", Rag.Red, Monday) { DashRisk = "DASH_RISK_HIGH" }, new("c4", Rag.Amber, Monday)];

    [Fact]
    public void Notifications_are_split_by_DASH_risk_and_other_contacts_not_at_all() =>
        Assert.Equal(new Dictionary<string, long> { ["DASH_RISK_STANDARD"] = 2, ["DASH_RISK_HIGH"] = 1 }, DomesticAbuse.ByRisk(Contacts));

    [Fact]
    public void Only_notifications_open_at_the_end_are_outstanding() => Assert.Equal(2, DomesticAbuse.Outstanding(Open));

    [Fact]
    public void Outstanding_notifications_are_split_by_DASH_risk() =>
        Assert.Equal(new Dictionary<string, long> { ["DASH_RISK_STANDARD"] = 1, ["DASH_RISK_HIGH"] = 1 }, DomesticAbuse.OutstandingByRisk(Open));
}
