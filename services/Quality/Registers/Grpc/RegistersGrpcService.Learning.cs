using Grpc.Core;
using Mash.Contracts.Quality.V1;
using Mash.ServiceDefaults;
using Microsoft.AspNetCore.Authorization;

namespace Mash.Quality.Registers.Grpc;

/// <summary>The learning log (Q6) and the rolling reports schedule (Q8): entries, and the updates their actions and reports take as they progress.</summary>
internal sealed partial class RegistersGrpcService
{
    [Authorize(Policy = MashPolicies.QualityLeads)]
    public override async Task<RecordedEntry> AddLearning(AddLearningRequest request, ServerCallContext context)
    {
        Check(LearningRequestRules.Check(request, vocabulary));
        var now = time.GetUtcNow();
        var learning = new LearningRecord(
            NewGuids.OrderedBy(now), request.SourceType, request.Source, Days.Of(request.IdentifiedOn)!.Value, request.Lesson,
            [.. request.Actions.Select(a => new LearningActionRecord(NewGuids.OrderedBy(now), a.Action, a.Owner, Days.Of(a.TargetOn)!.Value, a.Implementation))],
            context.GetCaller().Id);
        return Recorded(await registers.Learning.AddAsync(Guid.Parse(request.RequestId), learning, now, context.CancellationToken));
    }

    [Authorize(Policy = MashPolicies.QualityLeads)]
    public override async Task<LearningAction> UpdateLearningAction(UpdateLearningActionRequest request, ServerCallContext context)
    {
        Check(LearningRequestRules.Check(request));
        var action = await registers.Learning.UpdateAsync(
            Guid.Parse(request.ActionId), request.Evidence, request.Impact, Days.Of(request.CompletedOn), context.GetCaller().Id, time.GetUtcNow(), context.CancellationToken);
        return action is null ? throw RpcErrors.NotFound($"No learning action {request.ActionId}.") : RegisterMessages.ToMessage(action);
    }

    [Authorize(Policy = MashPolicies.Scorecard)]
    public override async Task<ListLearningResponse> ListLearning(ListRegisterRequest request, ServerCallContext context)
    {
        Check(ListRequestRules.Check(request));
        var entries = await registers.Learning.ListAsync(ListRequestRules.RangeOf(request.From, request.To, request.PageSize), context.CancellationToken);
        return new ListLearningResponse { Entries = { entries.Select(RegisterMessages.ToMessage) } };
    }

    [Authorize(Policy = MashPolicies.QualityLeads)]
    public override async Task<RecordedEntry> ScheduleReport(ScheduleReportRequest request, ServerCallContext context)
    {
        Check(ReportRequestRules.Check(request));
        var now = time.GetUtcNow();
        var report = new ReportRecord(
            NewGuids.OrderedBy(now), request.Report, Days.Of(request.DueOn)!.Value, request.DueTo, request.Lead, request.Rationale, request.BusinessPlanLink,
            Days.Of(request.RequestOn), Days.Of(request.ReminderOn));
        return Recorded(await registers.Reports.ScheduleAsync(Guid.Parse(request.RequestId), report, context.GetCaller().Id, now, context.CancellationToken));
    }

    [Authorize(Policy = MashPolicies.QualityLeads)]
    public override async Task<ScheduledReport> UpdateReportProgress(UpdateReportProgressRequest request, ServerCallContext context)
    {
        Check(ReportRequestRules.Check(request, vocabulary));
        var report = await registers.Reports.UpdateAsync(
            Guid.Parse(request.ReportId), request.Progress, request.Comment, Days.Of(request.DeliveredOn), context.GetCaller().Id, time.GetUtcNow(), context.CancellationToken);
        return report is null ? throw RpcErrors.NotFound($"No scheduled report {request.ReportId}.") : RegisterMessages.ToMessage(report);
    }

    [Authorize(Policy = MashPolicies.Scorecard)]
    public override async Task<ListScheduledReportsResponse> ListScheduledReports(ListRegisterRequest request, ServerCallContext context)
    {
        Check(ListRequestRules.Check(request));
        var reports = await registers.Reports.ListAsync(ListRequestRules.RangeOf(request.From, request.To, request.PageSize), context.CancellationToken);
        return new ListScheduledReportsResponse { Reports = { reports.Select(RegisterMessages.ToMessage) } };
    }
}
