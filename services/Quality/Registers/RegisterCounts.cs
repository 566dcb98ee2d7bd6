using Mash.Quality.Periods;

namespace Mash.Quality.Registers;

/// <summary>The registers' counts for one period, as the board reads them.</summary>
internal sealed record RegisterCounts(
    ReportingPeriod Period,
    IReadOnlyList<AuditTally> Audits,
    IReadOnlyList<SurveyTally> Surveys,
    IReadOnlyList<FeedbackTally> Feedback,
    long CaseStudies,
    LearningTally Learning,
    ReportTally Reports,
    long Impacts);
