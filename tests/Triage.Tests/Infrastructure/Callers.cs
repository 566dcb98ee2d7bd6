using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Mash.Triage.Tests.Infrastructure;

/// <summary>
/// Call contexts carrying an authenticated caller, as ASP.NET Core authentication leaves it on the
/// call's HttpContext (grpc-dotnet finds it under the user state key "__HttpContext").
/// </summary>
internal static class Callers
{
    public static TestCallContext Practitioner(string id = "sw-1") => As(id);

    public static TestCallContext Importer(string id = "legacy-import") => As(id, roles: [Mash.Triage.Grpc.Callers.ImporterRole]);

    public static TestCallContext Agency(string agencyId, string id = "agency-user") => As(id, agencyId: agencyId);

    public static TestCallContext As(string id, string[]? roles = null, string? agencyId = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, id) };
        claims.AddRange((roles ?? []).Select(role => new Claim(ClaimTypes.Role, role)));
        if (agencyId is not null)
        {
            claims.Add(new Claim(Mash.Triage.Grpc.Callers.AgencyClaim, agencyId));
        }
        var context = new TestCallContext();
        context.UserState["__HttpContext"] = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity(claims, "test")) };
        return context;
    }
}
