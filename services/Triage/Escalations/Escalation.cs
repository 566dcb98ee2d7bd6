using Mash.Contracts.Triage.V1;

namespace Mash.Triage.Escalations;

/// <summary>
/// R4: a disagreement between agencies inside the MASH, or a referrer challenging its decision:
/// who raised it (the person and their agency), about what, when; and, once resolved, how, by whom and when.
/// </summary>
internal sealed record Escalation(
    Guid EscalationId,
    string ContactId,
    EscalationKind Kind,
    string RaisedByAgency,
    string RaisedBy,
    string About,
    string Detail,
    DateTimeOffset RaisedAt,
    EscalationResolution? Resolution = null);

internal sealed record EscalationResolution(string Resolution, string ResolvedBy, string Note, DateTimeOffset ResolvedAt);
