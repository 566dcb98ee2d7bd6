using Mash.ServiceDefaults;
using Microsoft.AspNetCore.Authorization;

namespace Mash.Outcomes.Grpc;

/// <summary>Outcomes' own policies, beside <see cref="MashPolicies"/>.</summary>
internal static class OutcomesPolicies
{
    /// <summary>Outcomes, corrections, feedback given and consultations: practitioners and managers, as themselves, and importers replaying a legacy system's record of them.</summary>
    public const string Recording = "Outcomes.Recording";

    public static IReadOnlyDictionary<string, string[]> Roles { get; } = new Dictionary<string, string[]>
    {
        [Recording] = [MashRoles.Practitioner, MashRoles.Manager, MashRoles.Importer],
    };

    public static AuthorizationBuilder AddOutcomesPolicies(this AuthorizationBuilder authorization)
    {
        foreach (var (name, roles) in Roles)
        {
            authorization.AddPolicy(name, policy => policy.RequireAuthenticatedUser().RequireRole(roles));
        }
        return authorization;
    }
}
