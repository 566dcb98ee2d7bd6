using System.Security.Claims;

namespace Mash.Board.SignIn;

/// <summary>The signed-in person's own token, kept in the encrypted auth cookie's principal, which the page calls the services with.</summary>
public static class StaffToken
{
    public const string ClaimType = "mash_token";

    public static string? Of(ClaimsPrincipal user) => user.FindFirst(ClaimType)?.Value;
}
