using System.Security.Claims;
using Mash.ServiceDefaults;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Mash.Board.SignIn;

/// <summary>
/// A pasted staff token checked as the services check it: the same <c>Authentication:Schemes:Bearer</c>
/// settings (issuer, audiences, signing keys or the provider's published keys), issuer, audience,
/// lifetime and signature always (ServiceDefaults' post-configuration). So the page never keeps a
/// token the services would refuse.
/// </summary>
public sealed class StaffTokenValidator(IOptionsMonitor<JwtBearerOptions> bearer)
{
    public async Task<(ClaimsIdentity Identity, DateTimeOffset Expires)?> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        if (!BearerTokens.IsJwt(token))
        {
            return null;
        }
        var options = bearer.Get(AuthenticationExtensions.StaffScheme);
        var parameters = options.TokenValidationParameters.Clone();
        if (options.ConfigurationManager is { } provider)
        {
            // An OpenID Connect provider: its published issuer and keys, as JwtBearer reads them.
            var metadata = await provider.GetConfigurationAsync(cancellationToken);
            parameters.ValidIssuers = [.. parameters.ValidIssuers ?? [], metadata.Issuer];
            parameters.IssuerSigningKeys = [.. parameters.IssuerSigningKeys ?? [], .. metadata.SigningKeys];
        }
        var result = await new JsonWebTokenHandler { MapInboundClaims = false }.ValidateTokenAsync(token, parameters);
        return result.IsValid && result.SecurityToken is JsonWebToken jwt ? (result.ClaimsIdentity, new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero)) : null;
    }
}
