namespace Mash.Quality.Registers;

/// <summary>The registers' stores, as the gRPC service takes them.</summary>
internal sealed record QualityRegisters(
    AuditRegister Audits, SurveyRegister Surveys, FeedbackRegister Feedback, CaseStudyLibrary CaseStudies,
    LearningLog Learning, ReportSchedule Reports, ImpactLog Impacts, RegisterSummaryReader Summary);
