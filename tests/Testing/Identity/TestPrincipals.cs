using System.Security.Claims;
using Mash.ServiceDefaults;

namespace Mash.Testing.Identity;

/// <summary>Principals as the platform's authentication leaves them, for calling a gRPC service class directly (<see cref="Grpc.TestCallContext"/>).</summary>
public static class TestPrincipals
{
    /// <summary>A frontline app with its agency's token.</summary>
    public static ClaimsPrincipal Agency(string organisationId) => AgencyTokenHandler.PrincipalOf(organisationId);

    /// <summary>A member of staff whose JWT was valid.</summary>
    public static ClaimsPrincipal Staff(string subject, params string[] roles) => new(new ClaimsIdentity(
        [new Claim(MashClaims.Subject, subject), new Claim(MashClaims.Name, $"Test {subject}"), .. roles.Select(role => new Claim(MashClaims.Roles, role))],
        AuthenticationExtensions.StaffScheme, MashClaims.Name, MashClaims.Roles));
}
