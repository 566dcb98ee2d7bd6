namespace Mash.Quality.Assurance;

/// <summary>The actions the configured rules propose for a judgement, in the rules' order.</summary>
internal static class ActionRules
{
    public static IReadOnlyList<ProposedAction> Propose(IEnumerable<ActionRule> rules, IndicatorJudgement judgement) =>
        [.. rules.Where(rule => rule.AppliesTo(judgement)).Select(rule => new ProposedAction(rule.Name, rule.Action, rule.Description))];
}
