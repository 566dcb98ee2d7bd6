using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Mash.ServiceDefaults;

/// <summary>
/// ASP.NET Core authentication and authorization as grpc-dotnet uses them, for every service
/// (<see cref="Extensions.AddServiceDefaults"/> calls it). Both kinds of caller send
/// <c>authorization: Bearer &lt;token&gt;</c>: a JWT goes to the staff scheme (JwtBearer, configured
/// under <c>Authentication:Schemes:Bearer</c>), anything else to the agency token scheme
/// (<see cref="AgencyTokenHandler"/>). Without valid credentials a call is answered HTTP 401, which
/// gRPC clients read as UNAUTHENTICATED; outside its policy 403, PERMISSION_DENIED.
/// </summary>
public static class AuthenticationExtensions
{
    /// <summary>The default scheme: picks the staff or the agency scheme by the token's form.</summary>
    public const string Scheme = "Mash";

    /// <summary>The staff scheme, whose settings are <c>Authentication:Schemes:Bearer</c>.</summary>
    public const string StaffScheme = JwtBearerDefaults.AuthenticationScheme;

    internal static void AddMashAuthentication(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StaffTokenOptions>().BindConfiguration(StaffTokenOptions.SectionName);
        services.AddSingleton(provider => AgencyCredentials.Read(
            provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<IOptions<StaffTokenOptions>>().Value.AgencySections));

        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "MASH staff or agency", options => options.ForwardDefaultSelector = context =>
                BearerTokens.Of(context.Request) is { } token && !BearerTokens.IsJwt(token) ? AgencyTokenHandler.SchemeName : StaffScheme)
            .AddJwtBearer(StaffScheme)
            .AddScheme<AuthenticationSchemeOptions, AgencyTokenHandler>(AgencyTokenHandler.SchemeName, null);
        // After ASP.NET Core has bound Authentication:Schemes:Bearer (which replaces the validation
        // parameters): whatever is configured, issuer, audience, lifetime and signature are checked,
        // so a deployment that forgot its audience refuses every token rather than accepting any.
        services.AddOptions<JwtBearerOptions>(StaffScheme).PostConfigure<IOptions<StaffTokenOptions>>((jwt, staff) =>
        {
            jwt.MapInboundClaims = false;
            var parameters = jwt.TokenValidationParameters;
            parameters.ValidateIssuer = true;
            parameters.ValidateAudience = true;
            parameters.ValidateLifetime = true;
            parameters.RequireExpirationTime = true;
            parameters.RequireSignedTokens = true;
            parameters.NameClaimType = MashClaims.Name;
            parameters.RoleClaimType = MashClaims.Roles;
            var roleClaims = staff.Value.RoleClaims.Where(c => c != MashClaims.Roles).ToList();
            jwt.Events ??= new JwtBearerEvents();
            var validated = jwt.Events.OnTokenValidated;
            jwt.Events.OnTokenValidated = async context =>
            {
                if (context.Principal?.Identity is ClaimsIdentity identity)
                {
                    CopyRoles(identity, roleClaims);
                }
                await validated(context);
            };
        });

        services.AddAuthorizationBuilder().AddMashPolicies();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, DenialAudit>();
        services.AddHostedService<NoCredentialsWarning>();
    }

    /// <summary>Roles from the other role claims (<c>role</c> from <c>dotnet user-jwts</c>), as <see cref="MashClaims.Roles"/>, which policies check.</summary>
    private static void CopyRoles(ClaimsIdentity identity, IReadOnlyList<string> roleClaims)
    {
        var held = identity.FindAll(MashClaims.Roles).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        foreach (var claim in roleClaims.SelectMany(identity.FindAll).ToList())
        {
            if (held.Add(claim.Value))
            {
                identity.AddClaim(new Claim(MashClaims.Roles, claim.Value, claim.ValueType, claim.Issuer));
            }
        }
    }

    /// <summary>
    /// Also accept the agencies listed under <paramref name="section"/> (as <c>Authentication:Agencies</c>
    /// lists them), for a service whose agencies were configured before the platform's section existed.
    /// </summary>
    public static TBuilder AddAgencyCredentialsFrom<TBuilder>(this TBuilder builder, string section) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.Configure<StaffTokenOptions>(options => options.AgencySections.Add(section));
        return builder;
    }
}
