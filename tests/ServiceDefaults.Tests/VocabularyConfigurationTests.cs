using Mash.Contracts.Common.V1;
using Microsoft.Extensions.Configuration;

namespace Mash.ServiceDefaults.Tests;

public sealed class VocabularyConfigurationTests
{
    private static Vocabulary Read(IDictionary<string, string?> settings) =>
        VocabularyConfiguration.Read(new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection("Vocabulary"));

    [Fact]
    public void Without_configuration_the_shipped_vocabulary_applies() =>
        Assert.Equal(DefaultVocabulary.Load(), Read(new Dictionary<string, string?>()));

    [Fact]
    public void A_configured_list_replaces_the_shipped_one_and_the_rest_stay()
    {
        var vocabulary = Read(new Dictionary<string, string?>
        {
            ["Vocabulary:contactTypes:0:code"] = "concern",
            ["Vocabulary:contactTypes:1:code"] = "early-help-request",
            ["Vocabulary:contactTypes:1:label"] = "Request for early help",
        });

        Assert.Equal(["concern", "early-help-request"], vocabulary.ContactTypes.Select(t => t.Code));
        Assert.Equal("Request for early help", vocabulary.ContactTypes[1].Label);
        Assert.Equal(DefaultVocabulary.Load().ReferralSources, vocabulary.ReferralSources);
    }

    [Fact]
    public void Lists_the_section_does_not_give_keep_the_shipped_defaults()
    {
        var vocabulary = Read(new Dictionary<string, string?> { ["Vocabulary:contactTypes:0:code"] = "concern" });
        Assert.Equal(DefaultVocabulary.Load().Outcomes, vocabulary.Outcomes);
        Assert.Equal("concern", Assert.Single(vocabulary.ContactTypes).Code);
    }

    [Fact]
    public void Ranks_and_labels_keep_their_types()
    {
        var vocabulary = Read(new Dictionary<string, string?>
        {
            ["Vocabulary:outcomes:0:code"] = "nfa",
            ["Vocabulary:outcomes:0:rank"] = "1",
            ["Vocabulary:ragLabels:RAG_GREEN"] = "Blue",
        });

        Assert.Equal(1, Assert.Single(vocabulary.Outcomes).Rank);
        Assert.Equal("Blue", Assert.Single(vocabulary.RagLabels).Value);
    }

    [Fact]
    public void A_section_in_protobuf_json_shape_replaces_the_lists_it_gives()
    {
        var vocabulary = Read(new Dictionary<string, string?>
        {
            ["Vocabulary:outcomes:0:code"] = "nfa",
            ["Vocabulary:outcomes:0:rank"] = "0",
            ["Vocabulary:outcomes:1:code"] = "section-47",
            ["Vocabulary:outcomes:1:rank"] = "5",
            ["Vocabulary:ragLabels:RAG_GREEN"] = "Blue",
        });
        Assert.Equal(["nfa", "section-47"], vocabulary.Outcomes.Select(t => t.Code));
        Assert.Equal(5, vocabulary.Outcomes[1].Rank);
        Assert.Equal("Blue", vocabulary.RagLabels["RAG_GREEN"]);
    }

    [Fact]
    public void Array_items_keep_their_order_past_nine()
    {
        var values = Enumerable.Range(0, 12).ToDictionary(i => $"Vocabulary:outcomes:{i}:code", i => (string?)$"o{i}");
        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"o{i}"), Read(values).Outcomes.Select(t => t.Code));
    }

    [Fact]
    public void The_whole_vocabulary_may_be_given_as_JSON_text()
    {
        var vocabulary = Read(new Dictionary<string, string?> { ["Vocabulary"] = """{"referralSources":[{"code":"P","label":"Police"}]}""" });

        Assert.Equal("P", Assert.Single(vocabulary.ReferralSources).Code);
    }

    [Fact]
    public void A_misspelt_field_stops_the_service_rather_than_being_ignored() =>
        Assert.ThrowsAny<Exception>(() => Read(new Dictionary<string, string?> { ["Vocabulary:contactTypez:0:code"] = "concern" }));
}
