using Mash.Contracts.Common.V1;

namespace Mash.Intake.Vocabularies;

/// <summary>
/// The partnership's vocabulary: the shipped defaults, with each list the <c>Vocabulary</c>
/// configuration gives in their place. A partnership that only renames its contact types writes
/// only <c>contactTypes</c>.
/// </summary>
internal static class VocabularyConfiguration
{
    public const string SectionName = "Vocabulary";

    public static Vocabulary Read(IConfigurationSection section) =>
        ConfigurationJson.Of(section) is { } json ? Override(DefaultVocabulary.Load(), DefaultVocabulary.Parse(json)) : DefaultVocabulary.Load();

    public static Vocabulary Override(Vocabulary shipped, Vocabulary configured)
    {
        var vocabulary = shipped.Clone();
        Replace(vocabulary.ReferralSources, configured.ReferralSources);
        Replace(vocabulary.PresentingIssues, configured.PresentingIssues);
        Replace(vocabulary.Outcomes, configured.Outcomes);
        Replace(vocabulary.ContactTypes, configured.ContactTypes);
        if (configured.RagLabels.Count > 0)
        {
            vocabulary.RagLabels.Clear();
            vocabulary.RagLabels.Add(configured.RagLabels);
        }
        return vocabulary;
    }

    private static void Replace(Google.Protobuf.Collections.RepeatedField<Term> shipped, Google.Protobuf.Collections.RepeatedField<Term> configured)
    {
        if (configured.Count > 0)
        {
            shipped.Clear();
            shipped.Add(configured);
        }
    }
}
