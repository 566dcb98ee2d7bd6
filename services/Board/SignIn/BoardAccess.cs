using System.Security.Claims;
using Mash.ServiceDefaults;

namespace Mash.Board.SignIn;

/// <summary>Who may open the board's page: whoever may read the live outcome feed, board members and MASH managers.</summary>
public static class BoardAccess
{
    public static IReadOnlyList<string> Roles => MashPolicies.Roles[MashPolicies.Board];

    public static bool MayOpen(ClaimsPrincipal user) => Roles.Any(user.IsInRole);

    /// <summary>Breach alerts (Timeliness' WatchAlerts) are for MASH managers only.</summary>
    public static bool SeesBreachAlerts(ClaimsPrincipal user) => MashPolicies.Roles[MashPolicies.Managers].Any(user.IsInRole);
}
