using Grpc.AspNetCore.Server;

namespace Mash.Intake.Security;

public static class SecurityExtensions
{
    /// <summary>
    /// The agencies' credentials from configuration and the interceptor that checks them on every
    /// gRPC call. With no agency configured (a fresh production deployment) every call is
    /// UNAUTHENTICATED, and the service says so in a warning at start.
    /// </summary>
    public static TBuilder AddAgencyAuthentication<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddSingleton(AgencyCredentials.Read(builder.Configuration));
        // The platform's agency scheme (ServiceDefaults) takes Intake's agencies too.
        Mash.ServiceDefaults.AuthenticationExtensions.AddAgencyCredentialsFrom(builder, AgencyCredentials.SectionName);
        builder.Services.AddSingleton<AgencyAuthenticationInterceptor>();
        builder.Services.Configure<GrpcServiceOptions>(options => options.Interceptors.Add<AgencyAuthenticationInterceptor>());
        builder.Services.AddHostedService<NoCredentialsWarning>();
        return builder;
    }
}

/// <summary>Warns at start when no agency can call: every call will be refused until credentials are configured.</summary>
internal sealed partial class NoCredentialsWarning(AgencyCredentials credentials, ILogger<NoCredentialsWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (credentials.Count == 0)
        {
            NoAgencies(logger, AgencyCredentials.SectionName);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "No agency credentials are configured ({Section}:<n>:OrganisationId and TokenSha256): every call to Intake will be refused UNAUTHENTICATED.")]
    private static partial void NoAgencies(ILogger logger, string section);
}
