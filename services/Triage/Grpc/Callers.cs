using Grpc.Core;
using Mash.ServiceDefaults;
using Mash.Triage.Actors;

namespace Mash.Triage.Grpc;

/// <summary>Who is calling, from the call's credentials only (<see cref="CallerContext.GetCaller"/>), as the domain's <see cref="Actor"/>.</summary>
internal static class Callers
{
    public static Actor ActorOf(ServerCallContext context)
    {
        var caller = context.GetCaller();
        return new Actor(caller.Id, caller.IsInRole(MashRoles.Importer), caller.AgencyId, caller.IsInRole(MashRoles.Manager));
    }
}
