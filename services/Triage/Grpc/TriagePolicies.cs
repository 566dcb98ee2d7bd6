using Mash.ServiceDefaults;
using Microsoft.AspNetCore.Authorization;

namespace Mash.Triage.Grpc;

/// <summary>
/// Triage's own policies, beside the platform's (<see cref="MashPolicies"/>): what an importer
/// replays of a legacy case system's history it may record as practitioners, managers and agencies did.
/// </summary>
internal static class TriagePolicies
{
    /// <summary>Ratings, decisions and information requests: practitioners and managers, and importers replaying them.</summary>
    public const string Screening = "Triage.Screening";

    /// <summary>Answers to information requests: the agency asked (its own credentials), and importers.</summary>
    public const string Answering = "Triage.Answering";

    /// <summary>Raising an escalation: practitioners and managers recording one, an agency raising its own, importers.</summary>
    public const string Escalating = "Triage.Escalating";

    /// <summary>Resolving an escalation: MASH managers, and importers.</summary>
    public const string Resolving = "Triage.Resolving";

    public static IReadOnlyDictionary<string, string[]> Roles { get; } = new Dictionary<string, string[]>
    {
        [Screening] = [MashRoles.Practitioner, MashRoles.Manager, MashRoles.Importer],
        [Answering] = [MashRoles.Agency, MashRoles.Importer],
        [Escalating] = [MashRoles.Practitioner, MashRoles.Manager, MashRoles.Agency, MashRoles.Importer],
        [Resolving] = [MashRoles.Manager, MashRoles.Importer],
    };

    public static AuthorizationBuilder AddTriagePolicies(this AuthorizationBuilder authorization)
    {
        foreach (var (name, roles) in Roles)
        {
            authorization.AddPolicy(name, policy => policy.RequireAuthenticatedUser().RequireRole(roles));
        }
        return authorization;
    }
}
