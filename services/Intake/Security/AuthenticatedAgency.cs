using Grpc.Core;

namespace Mash.Intake.Security;

/// <summary>The agency whose credentials a call presented.</summary>
public sealed record AuthenticatedAgency(string OrganisationId);

/// <summary>Where <see cref="AgencyAuthenticationInterceptor"/> leaves the caller for the handlers: <see cref="ServerCallContext.UserState"/>.</summary>
public static class AuthenticatedAgencyContext
{
    private static readonly object Key = typeof(AuthenticatedAgency);

    public static void SetAuthenticatedAgency(this ServerCallContext context, AuthenticatedAgency agency) => context.UserState[Key] = agency;

    /// <summary>The authenticated caller, or null when no credentials were checked for this call.</summary>
    public static AuthenticatedAgency? GetAuthenticatedAgency(this ServerCallContext context) =>
        context.UserState.TryGetValue(Key, out var agency) ? (AuthenticatedAgency)agency : null;
}
