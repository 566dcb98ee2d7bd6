using System.Security.Claims;
using Grpc.Core;
using Mash.ServiceDefaults;
using Mash.Triage.Actors;

namespace Mash.Triage.Grpc;

/// <summary>Who is calling, from the call's authenticated user (ASP.NET Core authentication), as the domain's <see cref="Actor"/>.</summary>
internal static class Callers
{
    public const string ImporterRole = "importer";
    public const string AgencyClaim = "agency";

    public static Actor ActorOf(ServerCallContext context, string legacyPractitionerId = "")
    {
        if (UserOf(context) is { Identity.IsAuthenticated: true } user)
        {
            var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.FindFirstValue("sub") ?? user.Identity?.Name
                ?? throw RpcErrors.Unauthenticated("The credentials name no one.");
            return new Actor(id, user.IsInRole(ImporterRole), user.FindFirstValue(AgencyClaim));
        }
        // Until the platform's authentication is applied to Triage, an unauthenticated caller is
        // the practitioner its request names (the walking skeleton's calls); never an importer or an agency.
        return string.IsNullOrWhiteSpace(legacyPractitionerId)
            ? throw RpcErrors.Unauthenticated("Calls to Triage need credentials.")
            : new Actor(legacyPractitionerId);
    }

    private static ClaimsPrincipal? UserOf(ServerCallContext context)
    {
        try
        {
            return context.GetHttpContext().User;
        }
        catch (InvalidOperationException)
        {
            return null;   // a context not hosted by ASP.NET Core (no HttpContext): no user
        }
    }
}
