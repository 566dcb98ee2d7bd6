using Mash.Quality.Facts;
using Mash.Quality.Indicators;
using static Mash.Quality.Tests.Indicators.ActivityTestFacts;

namespace Mash.Quality.Tests.Indicators;

/// <summary>D4 and D5: two early help requests (one each from two agencies) and one request for information among four contacts.</summary>
public sealed class ContactsByTypeTests
{
    private static readonly ContactFact[] Contacts =
    [
        ContactOfType("c1", "police-west", "concern"), ContactOfType("c2", "police-west", ContactsByType.EarlyHelpRequest),
        ContactOfType("c3", "st-marys-school", ContactsByType.EarlyHelpRequest), ContactOfType("c4", "cafcass", ContactsByType.InformationRequest),
    ];

    [Fact]
    public void Early_help_requests_are_counted() => Assert.Equal(2, ContactsByType.Count(Contacts, ContactsByType.EarlyHelpRequest));

    [Fact]
    public void Early_help_requests_are_split_by_agency() =>
        Assert.Equal(new Dictionary<string, long> { ["police-west"] = 1, ["st-marys-school"] = 1 }, ContactsByType.ByAgency(Contacts, ContactsByType.EarlyHelpRequest));

    [Fact]
    public void Requests_for_information_are_counted_apart() => Assert.Equal(1, ContactsByType.Count(Contacts, ContactsByType.InformationRequest));
}
