using Grpc.Core;
using Mash.ServiceDefaults.Tests.Guarded;
using Microsoft.AspNetCore.Authorization;

namespace Mash.ServiceDefaults.Tests.Security;

/// <summary>Answers with the caller it was given, under a policy per RPC.</summary>
internal sealed class GuardedService(AuditLog? audit = null) : Guarded.GuardedService.GuardedServiceBase
{
    public override Task<Probe> AnyCaller(Probe request, ServerCallContext context) => Task.FromResult(Echo(context));

    [Authorize(Policy = MashPolicies.Practitioners)]
    public override Task<Probe> ForPractitioners(Probe request, ServerCallContext context) => Task.FromResult(Echo(context));

    [Authorize(Policy = MashPolicies.Agencies)]
    public override Task<Probe> ForAgencies(Probe request, ServerCallContext context) => Task.FromResult(Echo(context));

    [Authorize(Policy = MashPolicies.Board)]
    public override Task<Probe> ForBoard(Probe request, ServerCallContext context) => Task.FromResult(Echo(context));

    [Authorize(Policy = MashPolicies.Practitioners)]
    public override async Task<Probe> ReadRecord(Probe request, ServerCallContext context)
    {
        await audit!.RecordAsync(context, request.RecordId, AuditOutcome.Allowed);
        return Echo(context);
    }

    private static Probe Echo(ServerCallContext context)
    {
        var caller = context.GetCaller();
        return new Probe { CallerId = caller.Id, CallerName = caller.Name, Roles = { caller.Roles }, AgencyId = caller.AgencyId ?? "" };
    }
}
