using Mash.ServiceDefaults;
using Microsoft.AspNetCore.Authorization;

namespace Mash.Intake.Grpc;

/// <summary>
/// Intake's own policies, beside the platform's (<see cref="MashPolicies"/>): an importer replays a
/// legacy case system's contacts as the agencies once submitted them.
/// </summary>
internal static class IntakePolicies
{
    /// <summary>Submitting contacts: frontline apps, each as itself, and importers on behalf of any configured agency.</summary>
    public const string Submitting = "Intake.Submitting";

    public static IReadOnlyDictionary<string, string[]> Roles { get; } = new Dictionary<string, string[]>
    {
        [Submitting] = [MashRoles.Agency, MashRoles.Importer],
    };

    public static AuthorizationBuilder AddIntakePolicies(this AuthorizationBuilder authorization)
    {
        foreach (var (name, roles) in Roles)
        {
            authorization.AddPolicy(name, policy => policy.RequireAuthenticatedUser().RequireRole(roles));
        }
        return authorization;
    }
}
