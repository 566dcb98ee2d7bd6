using Mash.Intake.Grpc;
using Mash.ServiceDefaults;

namespace Mash.Intake.Security;

public static class SecurityExtensions
{
    /// <summary>Where Intake's agencies were configured before the platform's <c>Authentication:Agencies</c>; still read, so existing deployments keep working.</summary>
    public const string AgenciesSectionName = "Intake:Agencies";

    /// <summary>
    /// The agencies that may call: the platform's (<c>Authentication:Agencies</c>) and Intake's own
    /// older section, both checked by ServiceDefaults' agency token scheme; and Intake's own policies
    /// (<see cref="IntakePolicies"/>). With no agency configured
    /// (a fresh production deployment) every frontline app is refused UNAUTHENTICATED, and the
    /// service says so in a warning at start.
    /// </summary>
    public static TBuilder AddAgencyAuthentication<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddAgencyCredentialsFrom(AgenciesSectionName);
        builder.Services.AddHostedService<NoCredentialsWarning>();
        builder.Services.AddAuthorizationBuilder().AddIntakePolicies();
        return builder;
    }
}

/// <summary>Warns at start when no agency can call: every submission will be refused until credentials are configured.</summary>
internal sealed partial class NoCredentialsWarning(AgencyCredentials credentials, ILogger<NoCredentialsWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (credentials.Count == 0)
        {
            NoAgencies(logger, AgencyCredentials.SectionName, SecurityExtensions.AgenciesSectionName);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "No agency credentials are configured ({Section} or {IntakeSection}:<n>:OrganisationId and TokenSha256): every call of a frontline app to Intake will be refused UNAUTHENTICATED.")]
    private static partial void NoAgencies(ILogger logger, string section, string intakeSection);
}
