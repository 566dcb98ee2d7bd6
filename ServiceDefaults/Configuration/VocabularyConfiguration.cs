using Google.Protobuf.Collections;
using Mash.Contracts.Common.V1;
using Microsoft.Extensions.Configuration;

namespace Mash.ServiceDefaults;

/// <summary>
/// The partnership's vocabulary: the shipped defaults, with each list the <c>Vocabulary</c>
/// configuration section gives in their place, so one section serves every service. A partnership
/// that only renames its contact types writes only <c>contactTypes</c>. The section has the protobuf
/// JSON shape of default-vocabulary.json, either as JSON in appsettings
/// (<c>"Vocabulary": { "outcomes": [...] }</c>, or <c>Vocabulary__outcomes__0__code</c> in the
/// environment) or as one JSON string. An unknown field stops the service at start.
/// </summary>
public static class VocabularyConfiguration
{
    public const string SectionName = "Vocabulary";

    public static Vocabulary Read(IConfigurationSection section) =>
        ConfigurationJson.Of(section) is { } json ? Override(DefaultVocabulary.Load(), DefaultVocabulary.Parse(json)) : DefaultVocabulary.Load();

    /// <summary>Each list (and the RAG labels, and each of the returns' code maps) the partnership configured replaces the shipped one; the rest stay.</summary>
    public static Vocabulary Override(Vocabulary shipped, Vocabulary configured)
    {
        var vocabulary = shipped.Clone();
        Replace(vocabulary.ReferralSources, configured.ReferralSources);
        Replace(vocabulary.PresentingIssues, configured.PresentingIssues);
        Replace(vocabulary.Outcomes, configured.Outcomes);
        Replace(vocabulary.ContactTypes, configured.ContactTypes);
        Replace(vocabulary.Gaps, configured.Gaps);
        Replace(vocabulary.ConsultationKinds, configured.ConsultationKinds);
        if (configured.RagLabels.Count > 0)
        {
            vocabulary.RagLabels.Clear();
            vocabulary.RagLabels.Add(configured.RagLabels);
        }
        if (configured.ReturnCodes is { } codes)
        {
            vocabulary.ReturnCodes ??= new ReturnCodes();
            Replace(vocabulary.ReturnCodes.Genders, codes.Genders);
            Replace(vocabulary.ReturnCodes.AnnexAGenders, codes.AnnexAGenders);
            Replace(vocabulary.ReturnCodes.Ethnicities, codes.Ethnicities);
            Replace(vocabulary.ReturnCodes.ReferralSources, codes.ReferralSources);
            Replace(vocabulary.ReturnCodes.PrimaryNeeds, codes.PrimaryNeeds);
            Replace(vocabulary.ReturnCodes.NoFurtherActionOutcomeGroups, codes.NoFurtherActionOutcomeGroups);
        }
        return vocabulary;
    }

    private static void Replace(MapField<string, string> shipped, MapField<string, string> configured)
    {
        if (configured.Count > 0)
        {
            shipped.Clear();
            shipped.Add(configured);
        }
    }

    private static void Replace(RepeatedField<string> shipped, RepeatedField<string> configured)
    {
        if (configured.Count > 0)
        {
            shipped.Clear();
            shipped.Add(configured);
        }
    }

    private static void Replace(RepeatedField<Term> shipped, RepeatedField<Term> configured)
    {
        if (configured.Count > 0)
        {
            shipped.Clear();
            shipped.Add(configured);
        }
    }
}
