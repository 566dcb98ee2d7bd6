using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mash.ServiceDefaults;

/// <summary>
/// At start, reads the agencies' credentials (so a malformed entry stops the service) and warns when
/// staff cannot get in: no way to check their tokens (neither an authority nor signing keys) or no
/// audience. Their calls are refused UNAUTHENTICATED until configuration is given. (A service whose
/// callers are agencies warns of having none itself: Intake.)
/// </summary>
internal sealed partial class NoCredentialsWarning(
    AgencyCredentials agencies, IOptionsMonitor<JwtBearerOptions> jwt, ILogger<NoCredentialsWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = agencies.Count;
        var staff = jwt.Get(AuthenticationExtensions.StaffScheme);
        var parameters = staff.TokenValidationParameters;
        var canVerify = staff.Authority is { Length: > 0 } || staff.MetadataAddress is { Length: > 0 } || staff.Configuration is not null
            || parameters.IssuerSigningKey is not null || parameters.IssuerSigningKeys?.Any() == true;
        var hasAudience = parameters.ValidAudience is { Length: > 0 } || parameters.ValidAudiences?.Any() == true || staff.Audience is { Length: > 0 };
        if (!canVerify || !hasAudience)
        {
            NoStaff(logger);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Staff tokens cannot be checked (Authentication:Schemes:Bearer needs an Authority, or ValidIssuer and SigningKeys, and ValidAudiences): every member of staff's call will be refused UNAUTHENTICATED.")]
    private static partial void NoStaff(ILogger logger);
}
