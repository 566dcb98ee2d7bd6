using Mash.Contracts.Common.V1;

namespace Mash.Outcomes.Configuration;

/// <summary>
/// The partnership's vocabulary: the shipped defaults, with each list the <c>Vocabulary</c>
/// configuration section gives in their place (as Intake reads it, so one section serves every
/// service). The section has the protobuf JSON shape of default-vocabulary.json, either as JSON in
/// appsettings (<c>"Vocabulary": { "outcomes": [...] }</c>, or <c>Vocabulary__outcomes__0__code</c>
/// in the environment) or as one JSON string. An unknown field stops the service at start.
/// </summary>
internal static class VocabularyConfiguration
{
    public static Vocabulary Load(IConfigurationSection section)
    {
        var vocabulary = DefaultVocabulary.Load();
        var json = section.Value is { Length: > 0 } text ? text
            : section.GetChildren().Any() ? ConfigurationJson.Of(section).ToJsonString()
            : null;
        return json is null ? vocabulary : Override(vocabulary, DefaultVocabulary.Parse(json));
    }

    /// <summary>Each list (and the RAG labels) the partnership configured replaces the shipped one; the rest stay.</summary>
    internal static Vocabulary Override(Vocabulary shipped, Vocabulary configured)
    {
        var vocabulary = shipped.Clone();
        foreach (var (mine, theirs) in new[]
        {
            (vocabulary.ReferralSources, configured.ReferralSources),
            (vocabulary.PresentingIssues, configured.PresentingIssues),
            (vocabulary.Outcomes, configured.Outcomes),
            (vocabulary.ContactTypes, configured.ContactTypes),
        })
        {
            if (theirs.Count > 0)
            {
                mine.Clear();
                mine.Add(theirs);
            }
        }
        if (configured.RagLabels.Count > 0)
        {
            vocabulary.RagLabels.Clear();
            vocabulary.RagLabels.Add(configured.RagLabels);
        }
        return vocabulary;
    }
}
