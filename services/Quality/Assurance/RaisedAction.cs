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
            var target = a.Indicator.Target is { } t ? $" against a target of {t.Value} ({Word(AssuranceWords.TargetResults, j.Target)})" : "";
            return $"{a.Indicator.Reference} {a.Period.Label}: {a.Value}{target}, trend {Word(AssuranceWords.Trends, j.Trend)} over "
                + $"[{string.Join(", ", a.Values)}], RAG {Word(AssuranceWords.Rags, j.Rag)}, {Word(AssuranceWords.Assurances, j.Assurance)}. "
                + $"Rule '{Action.Rule}': {Action.Description}";
        }
    }

    private static string Word<T>(IReadOnlyDictionary<string, T> words, T value) where T : struct, Enum => Definitions.IndicatorWords.Of(words, value);
}
