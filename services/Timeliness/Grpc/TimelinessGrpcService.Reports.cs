using Grpc.Core;
using Mash.Contracts.Timeliness.V1;
using Mash.ServiceDefaults;
using Microsoft.AspNetCore.Authorization;

namespace Mash.Timeliness.Grpc;

/// <summary>The backlog (T3), agencies' response times (T2) and incident to completion (T5): counts only, no contact's data, so for the scorecard's readers and not audited.</summary>
internal sealed partial class TimelinessGrpcService
{
    [Authorize(Policy = MashPolicies.Scorecard)]
    public override async Task<Backlog> GetBacklog(GetBacklogRequest request, ServerCallContext context) =>
        BacklogMessages.ToMessage(await reports.Backlog.NowAsync(ReportWindow.RagFilter(request.Rag), ReportWindow.Agency(request.AgencyId), context.CancellationToken));

    [Authorize(Policy = MashPolicies.Scorecard)]
    public override async Task<BacklogSeries> GetBacklogSeries(GetBacklogSeriesRequest request, ServerCallContext context) =>
        BacklogMessages.ToMessage(await reports.Backlog.SeriesAsync(BacklogMessages.ToQuery(request, reports.Slots), context.CancellationToken));

    [Authorize(Policy = MashPolicies.Scorecard)]
    public override async Task<ResponseTimes> GetResponseTimes(GetResponseTimesRequest request, ServerCallContext context) =>
        ResponseTimeMessages.ToMessage(await reports.ResponseTimes.CountAsync(ResponseTimeMessages.ToQuery(request), context.CancellationToken), reports.ResponseTimes.Bands);

    [Authorize(Policy = MashPolicies.Scorecard)]
    public override async Task<IncidentToCompletion> GetIncidentToCompletion(GetIncidentToCompletionRequest request, ServerCallContext context) =>
        IncidentToCompletionMessages.ToMessage(await reports.IncidentToCompletion.CountAsync(IncidentToCompletionMessages.ToQuery(request), context.CancellationToken), reports.IncidentToCompletion.Target);
}
