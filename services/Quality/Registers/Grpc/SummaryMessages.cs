using Mash.Contracts.Quality.V1;

namespace Mash.Quality.Registers.Grpc;

/// <summary>The registers' counts as mash.quality.v1.RegisterSummary.</summary>
internal static class SummaryMessages
{
    public static RegisterSummary ToMessage(RegisterCounts counts) => new()
    {
        Period = counts.Period.Label,
        From = Days.ToMessage(counts.Period.From),
        To = Days.ToMessage(counts.Period.To),
        Audits = { counts.Audits.Select(ToMessage) },
        Surveys = { counts.Surveys.Select(ToMessage) },
        Feedback = { counts.Feedback.Select(f => new FeedbackCountsByAgency { AgencyId = f.AgencyId, Complaints = f.Complaints, Compliments = f.Compliments }) },
        CaseStudies = counts.CaseStudies,
        Learning = new() { Due = counts.Learning.Due, Completed = counts.Learning.Completed, Overdue = counts.Learning.Overdue, Open = counts.Learning.Open },
        Reports = new() { Due = counts.Reports.Due, Delivered = counts.Reports.Delivered, Overdue = counts.Reports.Overdue, Progress = { counts.Reports.Progress.ToDictionary() } },
        Impacts = counts.Impacts,
    };

    public static QualityAuditCounts ToMessage(AuditTally tally)
    {
        var message = new QualityAuditCounts
        {
            Kind = tally.Kind == AuditKinds.ReferralQuality ? QualityAuditKind.ReferralQuality : QualityAuditKind.DecisionMaking,
            AgencyId = tally.AgencyId, Audits = tally.Audits, Grades = { tally.Grades.ToDictionary() }, ConsentSought = tally.Sought, ConsentNotSought = tally.NotSought,
        };
        if (tally.SoughtPercent is { } percent)
        {
            message.ConsentSoughtPercent = percent;
        }
        return message;
    }

    public static SurveyCounts ToMessage(SurveyTally tally)
    {
        var message = new SurveyCounts { AgencyId = tally.AgencyId, Responses = tally.Responses, Satisfied = tally.Satisfied, Confident = tally.Confident };
        if (tally.SatisfiedPercent is { } satisfied)
        {
            message.SatisfiedPercent = satisfied;
        }
        if (tally.ConfidentPercent is { } confident)
        {
            message.ConfidentPercent = confident;
        }
        return message;
    }
}
