using System.Globalization;

namespace Mash.Quality.Assurance;

/// <summary>An action a rule proposed that Quality acts on itself, for the assessment it proposed it for.</summary>
internal sealed record RaisedAction(RaisedKind Kind, IndicatorAssessment Assessment, ProposedAction Action)
{
    /// <summary>Why, in the board's words: the period's value against its target, the trend, the RAG and the continuum, then the rule.</summary>
    public string Reason
    {
        get
        {
            var (a, j) = (Assessment, Assessment.Judgement);
            var target = a.Indicator.Target is { } t
                ? string.Create(CultureInfo.InvariantCulture, $" against a target of {t.Value} ({Word(AssuranceWords.TargetResults, j.Target)})")
                : "";
            var values = string.Join(", ", a.Values.Select(v => v.ToString(CultureInfo.InvariantCulture)));
            var (trend, rag, assurance) = (Word(AssuranceWords.Trends, j.Trend), Word(AssuranceWords.Rags, j.Rag), Word(AssuranceWords.Assurances, j.Assurance));
            return string.Create(CultureInfo.InvariantCulture,
                $"{a.Indicator.Reference} {a.Period.Label}: {a.Value}{target}, trend {trend} over [{values}], RAG {rag}, {assurance}. Rule '{Action.Rule}': {Action.Description}");
        }
    }

    private static string Word<T>(IReadOnlyDictionary<string, T> words, T value) where T : struct, Enum => Definitions.IndicatorWords.Of(words, value);
}
