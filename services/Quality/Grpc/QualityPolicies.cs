using Mash.ServiceDefaults;
using Microsoft.AspNetCore.Authorization;

namespace Mash.Quality.Grpc;

/// <summary>Quality's own policies, beside <see cref="MashPolicies"/> (whose Board policy, board members and managers, is the performance sub-group and the audit group's chair).</summary>
internal static class QualityPolicies
{
    /// <summary>Lead officers propose an indicator's rating: quality leads.</summary>
    public const string LeadOfficers = "Quality.LeadOfficers";

    public static IReadOnlyDictionary<string, string[]> Roles { get; } = new Dictionary<string, string[]>
    {
        [LeadOfficers] = [MashRoles.QualityLead],
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
