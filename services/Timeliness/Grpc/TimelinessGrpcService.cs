using Mash.ServiceDefaults;
using Mash.Contracts.Timeliness.V1;
using Mash.Timeliness.Alerts;
using Mash.Timeliness.Clocks;
using Mash.Timeliness.Reporting;
using Mash.Timeliness.Timing;
using Grpc.Core;
using Google.Rpc;
using Microsoft.AspNetCore.Authorization;

namespace Mash.Timeliness.Grpc;

/// <summary>
/// mash.timeliness.v1.TimelinessService: each contact's clock, for MASH practitioners and managers
/// (a contact's RAG rating and deadlines, audited), the targets in force today, for any member of staff; and
/// decision timeliness (T1), backlog (T3), response times (T2) and incident to completion (T5)
/// counts, for board members, managers and quality leads; and breach alerts (T4) as they are
/// raised, for managers (TimelinessGrpcService.Alerts.cs).
/// </summary>
internal sealed partial class TimelinessGrpcService(
    ClockStore clocks, Deadlines deadlines, AuditLog audit, TimeProvider time, DecisionTimelinessReport decisions, TimelinessReports reports,
    AlertWatch alerts, IHostApplicationLifetime lifetime)
    : TimelinessService.TimelinessServiceBase
{
    [Authorize(Policy = MashPolicies.Practitioners)]
    public override async Task<Clock> GetClock(GetClockRequest request, ServerCallContext context)
    {
        var contactId = ContactIds.Parse(request.ContactId).ToString();
        var clock = await clocks.FindAsync(contactId, context.CancellationToken)
            ?? throw RpcErrors.NotFound($"No clock for contact {contactId}: nothing about it has reached Timeliness yet.");
        await audit.RecordAsync(context, contactId, AuditOutcome.Allowed);
        return ClockMessages.ToClock(clock);
    }

    [Authorize(Policy = MashPolicies.Staff)]
    public override Task<Targets> GetTargets(GetTargetsRequest request, ServerCallContext context) =>
        Task.FromResult(TargetMessages.ToTargets(deadlines.TargetsAt(time.GetUtcNow()), deadlines.Labels));

    // Counts only, no contact's data: for the scorecard's readers, not audited.
    [Authorize(Policy = MashPolicies.Scorecard)]
    public override async Task<DecisionTimeliness> GetDecisionTimeliness(GetDecisionTimelinessRequest request, ServerCallContext context) =>
        DecisionTimelinessMessages.ToMessage(await decisions.CountAsync(DecisionTimelinessMessages.ToQuery(request), context.CancellationToken));
}
