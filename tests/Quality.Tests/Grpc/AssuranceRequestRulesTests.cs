using Mash.Contracts.Quality.V1;
using Mash.Quality.Grpc;
using Mash.Quality.Periods;

namespace Mash.Quality.Tests.Grpc;

/// <summary>The period kinds a GetAssurance request may ask for.</summary>
public sealed class AssuranceRequestRulesTests
{
    [Fact]
    public void The_rolling_year_is_a_known_period_and_asks_for_the_rolling_year()
    {
        Assert.Null(AssuranceRequestRules.IsAKnownPeriod(ReportingPeriodKind.RollingYear));
        Assert.Equal(PeriodKind.RollingYear, AssuranceRequestRules.KindOf(ReportingPeriodKind.RollingYear));
    }

    [Fact]
    public void A_kind_beyond_the_rolling_year_is_refused_naming_the_kinds()
    {
        var violation = AssuranceRequestRules.IsAKnownPeriod((ReportingPeriodKind)5);
        Assert.Equal(("period", "5 is not a reporting period kind (month, quarter, year to date or rolling year)."), (violation?.Field, violation?.Description));
    }
}
