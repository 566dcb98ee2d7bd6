using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mash.ServiceDefaults;

/// <summary>
/// The agency token scheme: a frontline app presents its agency's long random token as
/// <c>authorization: Bearer &lt;token&gt;</c>, as it always has, and becomes a principal with its
/// organisation id (<see cref="MashClaims.AgencyId"/>) and the <see cref="MashRoles.Agency"/> role.
/// </summary>
public sealed class AgencyTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AgencyCredentials credentials)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AgencyToken";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerTokens.Of(Request) is not { } token)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        if (credentials.Authenticate(token) is not { } organisationId)
        {
            return Task.FromResult(AuthenticateResult.Fail("The bearer token is not one of an agency the platform knows."));
        }
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(PrincipalOf(organisationId), SchemeName)));
    }

    /// <summary>The principal of an agency's frontline app, as this scheme makes it (tests build theirs with it too).</summary>
    public static ClaimsPrincipal PrincipalOf(string organisationId) => new(new ClaimsIdentity(
        [
            new Claim(MashClaims.Subject, organisationId),
            new Claim(MashClaims.Name, organisationId),
            new Claim(MashClaims.AgencyId, organisationId),
            new Claim(MashClaims.Roles, MashRoles.Agency),
        ],
        SchemeName, MashClaims.Name, MashClaims.Roles));
}
