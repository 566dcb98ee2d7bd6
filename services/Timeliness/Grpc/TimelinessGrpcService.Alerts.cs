using Grpc.Core;
using Mash.Contracts.Timeliness.V1;
using Mash.ServiceDefaults;
using Microsoft.AspNetCore.Authorization;

namespace Mash.Timeliness.Grpc;

internal sealed partial class TimelinessGrpcService
{
    /// <summary>
    /// Alerts after the client's resume position, then live, until the client cancels (a clean end)
    /// or this replica stops (UNAVAILABLE: watch again, from the last sequence seen, on any replica).
    /// Each alert names a contact: the opening and every page sent are audited before it leaves.
    /// </summary>
    [Authorize(Policy = MashPolicies.Managers)]
    public override async Task WatchAlerts(WatchAlertsRequest request, IServerStreamWriter<Alert> responseStream, ServerCallContext context)
    {
        var filter = AlertMessages.ToFilter(request, alerts.Teams);
        var caller = context.GetCaller();
        await audit.RecordAsync(context, recordId: null, AuditOutcome.Allowed);
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        try
        {
            await foreach (var page in alerts.PagesAsync(request.AfterSequence, filter, ending.Token))
            {
                await audit.RecordAsync(caller, context.Method, [.. page.Select(alert => (string?)alert.ContactId)], AuditOutcome.Allowed, ending.Token);
                foreach (var alert in page)
                {
                    await responseStream.WriteAsync(AlertMessages.ToAlert(alert, deadlines.Labels), ending.Token);
                }
            }
        }
        catch (OperationCanceledException) when (ending.IsCancellationRequested)
        {
            // The client or the replica ended it: which, below.
        }
        if (!context.CancellationToken.IsCancellationRequested)
        {
            throw RpcErrors.Unavailable("This Timeliness replica is stopping; watch again with after_sequence set to the last alert seen.");
        }
    }
}
