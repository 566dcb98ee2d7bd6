using Mash.Contracts.Quality.V1;
using static Google.Rpc.BadRequest.Types;
using static Mash.Quality.Registers.Grpc.RegisterFields;

namespace Mash.Quality.Registers.Grpc;

/// <summary>What ScheduleReport and UpdateReportProgress must say, one rule per field; every broken rule is reported at once.</summary>
internal static class ReportRequestRules
{
    public static IReadOnlyList<FieldViolation> Check(ScheduleReportRequest request) => All(
        RequestId(request.RequestId),
        Required("report", request.Report, Short),
        Day("due_on", request.DueOn),
        Required("due_to", request.DueTo, Short),
        Required("lead", request.Lead, Short),
        Optional("rationale", request.Rationale, Long),
        Optional("business_plan_link", request.BusinessPlanLink, Short),
        OptionalDay("request_on", request.RequestOn) ?? NotAfter("request_on", request.RequestOn, request.DueOn),
        OptionalDay("reminder_on", request.ReminderOn) ?? NotAfter("reminder_on", request.ReminderOn, request.DueOn));

    public static IReadOnlyList<FieldViolation> Check(UpdateReportProgressRequest request, RegisterVocabulary vocabulary) => All(
        Guid.TryParse(request.ReportId, out _) ? null : Violation("report_id", "required: the id of a scheduled report"),
        request.Progress.Length == 0 ? null : Code("progress", request.Progress, vocabulary.ProgressRags),
        Optional("comment", request.Comment, Long),
        OptionalDay("delivered_on", request.DeliveredOn));
}
