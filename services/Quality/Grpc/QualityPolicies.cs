using Mash.ServiceDefaults;
using Microsoft.AspNetCore.Authorization;

namespace Mash.Quality.Grpc;

/// <summary>Quality's own policies, beside <see cref="MashPolicies"/> (whose Board policy, board members and managers, is the performance sub-group and the audit group's chair).</summary>
internal static class QualityPolicies
{
    /// <summary>Lead officers propose an indicator's rating: quality leads.</summary>
    public const string LeadOfficers = "Quality.LeadOfficers";

    /// <summary>Audits are proposed, reported and their actions planned by quality leads and managers.</summary>
    public const string Auditors = "Quality.Auditors";

    public static IReadOnlyDictionary<string, string[]> Roles { get; } = new Dictionary<string, string[]>
    {
        [LeadOfficers] = [MashRoles.QualityLead],
        [Auditors] = [MashRoles.QualityLead, MashRoles.Manager],
    };

    public static AuthorizationBuilder AddQualityPolicies(this AuthorizationBuilder authorization)
    {
        foreach (var (name, roles) in Roles)
        {
            authorization.AddPolicy(name, policy => policy.RequireAuthenticatedUser().RequireRole(roles));
        }
        return authorization;
    }
}
