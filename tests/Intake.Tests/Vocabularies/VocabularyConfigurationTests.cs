using Mash.Contracts.Common.V1;
using Mash.Intake.Vocabularies;
using Microsoft.Extensions.Configuration;

namespace Mash.Intake.Tests.Vocabularies;

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
    public void The_whole_vocabulary_may_be_given_as_JSON_text()
    {
        var vocabulary = Read(new Dictionary<string, string?> { ["Vocabulary"] = """{"referralSources":[{"code":"P","label":"Police"}]}""" });

        Assert.Equal("P", Assert.Single(vocabulary.ReferralSources).Code);
    }

    [Fact]
    public void A_misspelt_field_stops_the_service_rather_than_being_ignored() =>
        Assert.ThrowsAny<Exception>(() => Read(new Dictionary<string, string?> { ["Vocabulary:contactTypez:0:code"] = "concern" }));
}
