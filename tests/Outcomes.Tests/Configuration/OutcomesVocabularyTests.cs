using Mash.Contracts.Common.V1;
using Mash.ServiceDefaults;

namespace Mash.Outcomes.Tests.Configuration;

/// <summary>Gap codes (O6) and consultation kinds (O7) are vocabulary data: shipped, and replaced by a partnership's own.</summary>
public sealed class OutcomesVocabularyTests
{
    [Fact]
    public void The_shipped_vocabulary_has_the_seed_frameworks_gaps_and_consultation_kinds()
    {
        var vocabulary = DefaultVocabulary.Load();
        Assert.Equal(["not-in-education", "not-registered-with-gp"], vocabulary.Gaps.Select(t => t.Code));
        Assert.Equal(["social-work", "early-help"], vocabulary.ConsultationKinds.Select(t => t.Code));
    }

    [Fact]
    public void A_partnerships_gaps_and_consultation_kinds_replace_the_shipped_ones()
    {
        var configured = new Vocabulary { Gaps = { new Term { Code = "not-registered-with-dentist" } }, ConsultationKinds = { new Term { Code = "health" } } };

        var vocabulary = VocabularyConfiguration.Override(DefaultVocabulary.Load(), configured);

        Assert.Equal(["not-registered-with-dentist"], vocabulary.Gaps.Select(t => t.Code));
        Assert.Equal(["health"], vocabulary.ConsultationKinds.Select(t => t.Code));
        Assert.NotEmpty(vocabulary.Outcomes);
    }
}
