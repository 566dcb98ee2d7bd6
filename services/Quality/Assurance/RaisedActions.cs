namespace Mash.Quality.Assurance;

/// <summary>The actions Quality acts on itself among those the rules proposed: the configured audit and watch actions, each once per indicator and period.</summary>
internal static class RaisedActions
{
    public static IReadOnlyList<RaisedAction> Of(IEnumerable<IndicatorAssessment> assessments, string auditAction, string watchAction) =>
    [
        .. assessments.SelectMany(a => a.Actions.Select(action => (Assessment: a, Action: action)))
            .Select(p => p.Action.Action == auditAction ? new RaisedAction(RaisedKind.Audit, p.Assessment, p.Action)
                : p.Action.Action == watchAction ? new RaisedAction(RaisedKind.Watch, p.Assessment, p.Action)
                : null)
            .OfType<RaisedAction>()
            .DistinctBy(r => (r.Kind, r.Assessment.Indicator.Reference, r.Assessment.Period.Kind, r.Assessment.Period.From)),
    ];
}
