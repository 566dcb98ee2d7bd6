using Mash.Contracts.Common.V1;
using Mash.Outcomes.Configuration;
using Microsoft.Extensions.Configuration;

namespace Mash.Outcomes.Tests.Configuration;

public sealed class VocabularyConfigurationTests
{
    private static IConfigurationSection Section(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("Vocabulary");

    [Fact]
    public void Without_a_vocabulary_section_the_shipped_defaults_apply() =>
        Assert.Equal(DefaultVocabulary.Load(), VocabularyConfiguration.Load(Section([])));

    [Fact]
    public void A_section_in_protobuf_json_shape_replaces_the_lists_it_gives()
    {
        var vocabulary = VocabularyConfiguration.Load(Section(new()
        {
            ["Vocabulary:outcomes:0:code"] = "nfa",
            ["Vocabulary:outcomes:0:rank"] = "0",
            ["Vocabulary:outcomes:1:code"] = "section-47",
            ["Vocabulary:outcomes:1:rank"] = "5",
            ["Vocabulary:ragLabels:RAG_GREEN"] = "Blue",
        }));
        Assert.Equal(["nfa", "section-47"], vocabulary.Outcomes.Select(t => t.Code));
        Assert.Equal(5, vocabulary.Outcomes[1].Rank);
        Assert.Equal("Blue", vocabulary.RagLabels["RAG_GREEN"]);
    }

    [Fact]
    public void Lists_the_section_does_not_give_keep_the_shipped_defaults()
    {
        var vocabulary = VocabularyConfiguration.Load(Section(new() { ["Vocabulary:contactTypes:0:code"] = "concern" }));
        Assert.Equal(DefaultVocabulary.Load().Outcomes, vocabulary.Outcomes);
        Assert.Equal("concern", Assert.Single(vocabulary.ContactTypes).Code);
    }

    [Fact]
    public void Array_items_keep_their_order_past_nine()
    {
        var values = Enumerable.Range(0, 12).ToDictionary(i => $"Vocabulary:outcomes:{i}:code", i => (string?)$"o{i}");
        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"o{i}"), VocabularyConfiguration.Load(Section(values)).Outcomes.Select(t => t.Code));
    }

    [Fact]
    public void The_section_may_be_one_json_string()
    {
        var vocabulary = VocabularyConfiguration.Load(Section(new() { ["Vocabulary"] = """{ "outcomes": [ { "code": "nfa" } ] }""" }));
        Assert.Equal("nfa", Assert.Single(vocabulary.Outcomes).Code);
    }

    [Fact]
    public void A_misspelt_field_stops_the_service_rather_than_being_ignored() =>
        Assert.ThrowsAny<Exception>(() => VocabularyConfiguration.Load(Section(new() { ["Vocabulary:outcomez:0:code"] = "nfa" })));
}
