using Mash.ServiceDefaults;
using Mash.Contracts.Timeliness.V1;
using Mash.Timeliness.Clocks;
using Mash.Timeliness.Timing;
using Grpc.Core;
using Google.Rpc;

namespace Mash.Timeliness.Grpc;

/// <summary>mash.timeliness.v1.TimelinessService: each contact's clock, and the targets in force.</summary>
internal sealed class TimelinessGrpcService(ClockStore clocks, Deadlines deadlines) : TimelinessService.TimelinessServiceBase
{
    public override async Task<Clock> GetClock(GetClockRequest request, ServerCallContext context)
    {
        if (string.IsNullOrWhiteSpace(request.ContactId))
        {
            throw RpcErrors.InvalidArgument("contact_id", "is required");
        }
        var clock = await clocks.FindAsync(request.ContactId, context.CancellationToken)
            ?? throw RpcErrors.NotFound($"No clock for contact {request.ContactId}: nothing about it has reached Timeliness yet.");
        return ClockMessages.ToClock(clock);
    }

    public override Task<Targets> GetTargets(GetTargetsRequest request, ServerCallContext context) =>
        Task.FromResult(TargetMessages.ToTargets(deadlines.Targets));
}
