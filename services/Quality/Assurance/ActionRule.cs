namespace Mash.Quality.Assurance;

/// <summary>
/// A rule that puts something in motion (Calderdale §4.1.2: "RAG Amber with missed target → watch
/// for next quarter", "RAG Red with missed target and downward trend → perform audit"). Each
/// condition left null matches anything; a rule applies when all of its conditions hold.
/// </summary>
internal sealed record ActionRule(
    string Name,
    RagRating? Rag,
    TargetResult? Target,
    Trend? Trend,
    AssuranceLevel? Assurance,
    string Action,
    string Description,
    string Source)
{
    public bool AppliesTo(IndicatorJudgement judgement) =>
        (Rag is null || Rag == judgement.Rag)
        && (Target is null || Target == judgement.Target)
        && (Trend is null || Trend == judgement.Trend)
        && (Assurance is null || Assurance == judgement.Assurance);
}

/// <summary>An action a rule proposes for an indicator: the lead officer and the performance sub-group decide on it.</summary>
internal sealed record ProposedAction(string Rule, string Action, string Description);
