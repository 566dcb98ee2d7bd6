using Mash.Quality.Indicators;
using static Mash.Quality.Tests.Indicators.ActivityTestFacts;

namespace Mash.Quality.Tests.Indicators;

public sealed class InformationRequestsTests
{
    [Fact]
    public void Requests_are_counted_by_the_agency_asked() =>
        Assert.Equal(
            new Dictionary<string, long> { ["health"] = 2, ["st-marys-school"] = 1 },
            InformationRequests.ByAgency([Request("i1", "health"), Request("i2", "health"), Request("i3", "st-marys-school")]));
}
