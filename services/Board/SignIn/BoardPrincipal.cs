using System.Security.Claims;
using Mash.ServiceDefaults;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Mash.Board.SignIn;

/// <summary>The cookie's principal for a validated staff token: who (id, name), the roles the services will see, and the token itself.</summary>
public static class BoardPrincipal
{
    // The claims roles arrive in: Entra ID's and the tests' "roles", dotnet user-jwts' and many providers' "role".
    private static readonly string[] RoleClaims = [MashClaims.Roles, "role"];

    public static ClaimsPrincipal From(ClaimsIdentity validated, string token)
    {
        var id = validated.FindFirst(MashClaims.ObjectId)?.Value ?? validated.FindFirst(MashClaims.Subject)?.Value ?? "";
        var identity = new ClaimsIdentity(CookieAuthenticationDefaults.AuthenticationScheme, MashClaims.Name, MashClaims.Roles);
        identity.AddClaim(new Claim(MashClaims.Subject, id));
        identity.AddClaim(new Claim(MashClaims.Name, validated.FindFirst(MashClaims.Name)?.Value ?? id));
        foreach (var role in RoleClaims.SelectMany(validated.FindAll).Select(c => c.Value).Distinct(StringComparer.Ordinal))
        {
            identity.AddClaim(new Claim(MashClaims.Roles, role));
        }
        identity.AddClaim(new Claim(StaffToken.ClaimType, token));
        return new ClaimsPrincipal(identity);
    }
}
