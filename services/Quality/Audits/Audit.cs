namespace Mash.Quality.Audits;

/// <summary>
/// A multi-agency audit (Q7): the proposal (focus, rationale, lead auditor), the rule, indicator,
/// period and reason when an assurance rule raised it, each step so far and the action plan.
/// </summary>
internal sealed record Audit(
    Guid Id,
    string Focus,
    string Rationale,
    string LeadAuditor,
    AuditStage Stage,
    RaisedBy? RaisedBy,
    IReadOnlyList<AuditStep> Steps,
    IReadOnlyList<AuditAction> Actions)
{
    /// <summary>An action is past its target date and not completed.</summary>
    public bool IsOverdue(DateOnly today) => Actions.Any(a => AuditLifecycle.IsOverdue(a, today));
}
