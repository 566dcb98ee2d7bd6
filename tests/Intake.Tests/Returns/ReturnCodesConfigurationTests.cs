using Mash.ServiceDefaults;
using Microsoft.Extensions.Configuration;

namespace Mash.Intake.Tests.Returns;

/// <summary>The returns' codes are the vocabulary's returnCodes: the DfE's shipped, each map a partnership gives replacing its own.</summary>
public sealed class ReturnCodesConfigurationTests
{
    [Fact]
    public void The_shipped_vocabulary_carries_the_DfE_codes()
    {
        var codes = ReturnSubjects.Codes;
        Assert.Equal("1", codes.Gender("male"));
        Assert.Equal("NOBT", codes.Ethnicity(""));
        Assert.Equal("5D", codes.ReferralSource("5D"));
        Assert.Equal(20, Mash.Contracts.Common.V1.DefaultVocabulary.Load().ReturnCodes.Ethnicities.Count - 1);
    }

    [Fact]
    public void A_configured_map_replaces_the_shipped_one_and_the_rest_stay()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Vocabulary"] = """{ "returnCodes": { "genders": { "girl": "2", "boy": "1" } } }""",
        }).Build();

        var codes = VocabularyConfiguration.Read(configuration.GetSection(VocabularyConfiguration.SectionName)).ReturnCodes;

        Assert.Equal(new Dictionary<string, string> { ["girl"] = "2", ["boy"] = "1" }, codes.Genders);
        Assert.Equal("b) Female", codes.AnnexAGenders["2"]);
        Assert.Equal("WBRI", codes.Ethnicities["WBRI"]);
        Assert.Contains("no-further-action", codes.NoFurtherActionOutcomeGroups);
    }
}
