using Mash.Contracts.Common.V1;
using Mash.Quality.Indicators;
using static Mash.Quality.Tests.Indicators.ActivityTestFacts;

namespace Mash.Quality.Tests.Indicators;

public sealed class ContactsByPathwayTests
{
    [Fact]
    public void Contacts_are_counted_by_pathway_under_the_proto_enum_name_and_an_unknown_pathway_not_at_all() =>
        Assert.Equal(
            new Dictionary<string, long> { ["PATHWAY_CHILDREN"] = 2, ["PATHWAY_ADULTS"] = 1 },
            ContactsByPathway.Compute(
            [
                ContactOfType("c1", "police-west", "concern", Pathway.Children), ContactOfType("c2", "police-west", "concern", Pathway.Children),
                ContactOfType("c3", "police-west", "concern", Pathway.Adults), ContactOfType("c4", "police-west", "concern", Pathway.Unspecified),
            ]));

    [Fact]
    public void D6_is_judged_on_the_contacts_of_one_pathway() =>
        Assert.Equal(2, ContactsByPathway.Count(
        [
            ContactOfType("c1", "police-west", "concern", Pathway.Children), ContactOfType("c2", "police-west", "concern", Pathway.Children),
            ContactOfType("c3", "police-west", "concern", Pathway.Adults),
        ], Pathway.Children));
}
