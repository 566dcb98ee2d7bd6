using Mash.Contracts.Quality.V1;

namespace Mash.Quality.Registers.Grpc;

/// <summary>The registers' entries as mash.quality.v1 messages.</summary>
internal static class RegisterMessages
{
    public static QualityAudit ToMessage(QualityAuditRecord audit) => new()
    {
        Id = audit.Id.ToString(),
        Kind = audit.Kind == AuditKinds.ReferralQuality ? QualityAuditKind.ReferralQuality : QualityAuditKind.DecisionMaking,
        AgencyId = audit.AgencyId,
        AuditedOn = Days.ToMessage(audit.AuditedOn),
        Grade = audit.Grade,
        Consent = audit.Consent switch { AuditKinds.Sought => Consent.Sought, AuditKinds.NotSought => Consent.NotSought, AuditKinds.NotNeeded => Consent.NotNeeded, _ => Consent.Unspecified },
        Findings = audit.Findings,
        ContactId = audit.ContactId?.ToString() ?? "",
        RecordedBy = audit.RecordedBy,
    };

    public static CaseStudy ToMessage(CaseStudyRecord study) => new()
    {
        Id = study.Id.ToString(), Title = study.Title, Narrative = study.Narrative, AgencyIds = { study.AgencyIds }, WrittenOn = Days.ToMessage(study.WrittenOn), RecordedBy = study.RecordedBy,
    };

    public static LearningEntry ToMessage(LearningRecord learning) => new()
    {
        Id = learning.Id.ToString(), SourceType = learning.SourceType, Source = learning.Source, IdentifiedOn = Days.ToMessage(learning.IdentifiedOn),
        Lesson = learning.Lesson, Actions = { learning.Actions.Select(ToMessage) }, RecordedBy = learning.RecordedBy,
    };

    public static LearningAction ToMessage(LearningActionRecord action) => new()
    {
        Id = action.Id.ToString(), Action = action.Action, Owner = action.Owner, TargetOn = Days.ToMessage(action.TargetOn), Implementation = action.Implementation,
        Evidence = action.Evidence, Impact = action.Impact, CompletedOn = Days.ToMessage(action.CompletedOn),
    };

    public static ScheduledReport ToMessage(ReportRecord report) => new()
    {
        Id = report.Id.ToString(), Report = report.Report, DueOn = Days.ToMessage(report.DueOn), DueTo = report.DueTo, Lead = report.Lead, Rationale = report.Rationale,
        BusinessPlanLink = report.BusinessPlanLink, RequestOn = Days.ToMessage(report.RequestOn), ReminderOn = Days.ToMessage(report.ReminderOn),
        Progress = report.Progress, Comment = report.Comment, DeliveredOn = Days.ToMessage(report.DeliveredOn),
    };

    public static ImpactEntry ToMessage(ImpactRecord impact) => new()
    {
        Id = impact.Id.ToString(), OccurredOn = Days.ToMessage(impact.OccurredOn), Source = impact.Source, Impact = impact.Impact, Evidence = impact.Evidence, RecordedBy = impact.RecordedBy,
    };
}
