using Mash.Quality.Indicators;
using static Mash.Quality.Tests.Indicators.TestFacts;

namespace Mash.Quality.Tests.Indicators;

public sealed class ContactsByAgencyTests
{
    [Fact]
    public void Contacts_are_counted_by_their_referring_agency() =>
        Assert.Equal(
            new Dictionary<string, long> { ["police-west"] = 2, ["st-marys-school"] = 1 },
            ContactsByAgency.Compute([Contact("c1", "police-west"), Contact("c2", "police-west"), Contact("c3", "st-marys-school")]));

    [Fact]
    public void No_contacts_count_nothing() => Assert.Empty(ContactsByAgency.Compute([]));
}
