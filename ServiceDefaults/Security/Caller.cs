using System.Security.Claims;
using Grpc.Core;

namespace Mash.ServiceDefaults;

/// <summary>
/// Who is calling, from the call's credentials and nothing else: a member of staff (their id and
/// name from the council's identity provider) or a frontline app (its agency's organisation id).
/// A service records this as the actor; a request field never is.
/// </summary>
/// <param name="Id">Staff: the token's <c>oid</c>, else <c>sub</c>. An agency: its organisation id.</param>
/// <param name="Name">Staff: the token's <c>name</c>, <c>preferred_username</c> or <c>unique_name</c>, else the id. An agency: its organisation id.</param>
/// <param name="Roles">The roles the credentials carry (<see cref="MashRoles"/>).</param>
/// <param name="AgencyId">The agency's organisation id, for a frontline app; null for staff.</param>
public sealed record Caller(string Id, string Name, IReadOnlyList<string> Roles, string? AgencyId)
{
    /// <summary>A frontline app, by its agency's token.</summary>
    public bool IsAgency => AgencyId is not null;

    public bool IsInRole(string role) => Roles.Contains(role, StringComparer.Ordinal);

    public bool IsInAnyRole(params ReadOnlySpan<string> roles)
    {
        foreach (var role in roles)
        {
            if (IsInRole(role))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The caller of an authenticated principal, or null when it is not authenticated.</summary>
    public static Caller? Of(ClaimsPrincipal? user)
    {
        if (user?.Identity is not { IsAuthenticated: true })
        {
            return null;
        }
        var agencyId = user.FindFirst(MashClaims.AgencyId)?.Value;
        var id = agencyId ?? First(user, MashClaims.ObjectId, MashClaims.Subject);
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }
        var name = First(user, MashClaims.Name, "preferred_username", "unique_name") ?? id;
        var roles = user.FindAll(MashClaims.Roles).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList();
        return new Caller(id, name, roles, agencyId);
    }

    private static string? First(ClaimsPrincipal user, params string[] types) =>
        types.Select(type => user.FindFirst(type)?.Value).FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));
}

/// <summary>The caller of a gRPC call.</summary>
public static class CallerContext
{
    /// <summary>
    /// The authenticated caller of this call (<see cref="ServerCallContext"/>'s <c>HttpContext.User</c>).
    /// Fails closed: a call that reached its handler without credentials (authentication not
    /// registered) is UNAUTHENTICATED, never anyone.
    /// </summary>
    public static Caller GetCaller(this ServerCallContext context) =>
        Caller.Of(context.GetHttpContext().User)
        ?? throw RpcErrors.Unauthenticated("The call carries no authenticated caller.");
}
