using Mash.Contracts.Common.V1;
using Mash.Quality.Indicators;
using static Mash.Quality.Tests.Indicators.TestFacts;

namespace Mash.Quality.Tests.Indicators;

public sealed class ContactsByRagTests
{
    [Fact]
    public void Contacts_are_counted_by_current_rag_under_the_proto_enum_name() =>
        Assert.Equal(
            new Dictionary<string, long> { ["RAG_RED"] = 2, ["RAG_GREEN"] = 1 },
            ContactsByRag.Compute([Rating("c1", Rag.Red), Rating("c2", Rag.Red), Rating("c3", Rag.Green)]));

    [Fact]
    public void An_unspecified_rating_is_no_rating_and_is_not_counted() =>
        Assert.Empty(ContactsByRag.Compute([Rating("c1", Rag.Unspecified)]));

    [Theory]
    [InlineData(Rag.Red, "RAG_RED")]
    [InlineData(Rag.Amber, "RAG_AMBER")]
    [InlineData(Rag.Green, "RAG_GREEN")]
    public void Each_rag_is_named_as_in_the_proto(Rag rag, string name) => Assert.Equal(name, ContactsByRag.NameOf(rag));

    [Fact]
    public void A_rag_added_to_the_proto_later_is_still_counted_under_its_number() =>
        Assert.Equal("7", ContactsByRag.NameOf((Rag)7));
}
