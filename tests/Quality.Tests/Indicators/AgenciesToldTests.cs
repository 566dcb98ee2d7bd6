using Mash.Quality.Facts;
using Mash.Quality.Indicators;
using static Mash.Quality.Tests.Indicators.TestFacts;

namespace Mash.Quality.Tests.Indicators;

public sealed class AgenciesToldTests
{
    [Fact]
    public void Agencies_told_are_split_into_the_referrer_and_those_that_contributed() =>
        Assert.Equal(
            new Dictionary<string, long> { [AgenciesTold.Referrer] = 1, [AgenciesTold.Contributor] = 2 },
            AgenciesTold.ByRecipient(
            [
                new AgencyFeedbackFact("r1", "police-west", true, Monday, Monday.AddHours(2)),
                new AgencyFeedbackFact("r1", "health-east", false, Monday, Monday.AddHours(3)),
                new AgencyFeedbackFact("r2", "st-marys-school", false, Monday, Monday.AddHours(1)),
            ]));
}
