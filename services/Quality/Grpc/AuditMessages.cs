using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Quality.V1;
using Mash.Quality.Audits;
using Mash.Quality.Definitions;

namespace Mash.Quality.Grpc;

/// <summary>Audits as mash.quality.v1.MultiAgencyAudit, in the register's words; overdue as of the partnership's local day.</summary>
internal static class AuditMessages
{
    public static MultiAgencyAudit ToMessage(Audit audit, DateOnly today) => new()
    {
        AuditId = audit.Id.ToString(),
        Focus = audit.Focus,
        Rationale = audit.Rationale,
        LeadAuditor = audit.LeadAuditor,
        Stage = IndicatorWords.Of(AuditWords.Stages, audit.Stage),
        RaisedByRule = audit.RaisedBy?.Rule ?? "",
        Reference = audit.RaisedBy?.Reference ?? "",
        Period = audit.RaisedBy?.Period ?? "",
        Reason = audit.RaisedBy?.Reason ?? "",
        Steps =
        {
            audit.Steps.Select(s => new Contracts.Quality.V1.AuditStep
            {
                Number = s.Number, Stage = IndicatorWords.Of(AuditWords.Stages, s.Stage), Text = s.Text, Detail = s.Detail,
                ById = s.ById, ByName = s.ByName, At = Timestamp.FromDateTimeOffset(s.At),
            }),
        },
        Actions =
        {
            audit.Actions.Select(a => new Contracts.Quality.V1.AuditAction
            {
                Number = a.Number, Action = a.Action, Owner = a.Owner, TargetDate = Date(a.TargetDate), Rag = IndicatorWords.Of(AuditWords.Rags, a.Rag),
                Evidence = a.Evidence, CompletedOn = a.CompletedOn is { } completed ? Date(completed) : "", Overdue = AuditLifecycle.IsOverdue(a, today),
            }),
        },
        Overdue = audit.IsOverdue(today),
    };

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
