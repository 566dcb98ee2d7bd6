using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace Mash.ServiceDefaults;

/// <summary>
/// The platform's authorization policies, by who may pass: put one on a gRPC service class or
/// method with <c>[Authorize(Policy = MashPolicies.Practitioners)]</c>. Any RPC without one still
/// needs an authenticated caller (the fallback policy); grpc.health.v1, reflection and the
/// management port's probes are open.
/// </summary>
public static class MashPolicies
{
    /// <summary>Frontline apps, each with its agency's token.</summary>
    public const string Agencies = nameof(Agencies);

    /// <summary>Frontline apps, and MASH practitioners and managers (a contact's content for screening).</summary>
    public const string AgenciesAndPractitioners = nameof(AgenciesAndPractitioners);

    /// <summary>MASH practitioners and managers: the queue, ratings, decisions, outcomes, clocks.</summary>
    public const string Practitioners = nameof(Practitioners);

    /// <summary>MASH managers only.</summary>
    public const string Managers = nameof(Managers);

    /// <summary>Board members and MASH managers: the live outcome feed.</summary>
    public const string Board = nameof(Board);

    /// <summary>Board members, MASH managers and quality leads: the scorecard.</summary>
    public const string Scorecard = nameof(Scorecard);

    /// <summary>Quality leads and MASH managers: what goes into the quality registers (audits, surveys, learning, reports schedule).</summary>
    public const string QualityLeads = nameof(QualityLeads);

    /// <summary>Quality leads only: the lead officer who proposes an indicator's assurance rating.</summary>
    public const string LeadOfficers = nameof(LeadOfficers);

    /// <summary>Any member of staff, operations included: what holds no personal data (targets).</summary>
    public const string Staff = nameof(Staff);

    /// <summary>Importers of a legacy case system's history.</summary>
    public const string Importers = nameof(Importers);

    /// <summary>MASH managers and quality leads: the statutory returns (Annex A, CIN census), child by child.</summary>
    public const string StatutoryReturns = nameof(StatutoryReturns);

    /// <summary>Each policy and the roles that pass it.</summary>
    public static IReadOnlyDictionary<string, string[]> Roles { get; } = new Dictionary<string, string[]>
    {
        [Agencies] = [MashRoles.Agency],
        [AgenciesAndPractitioners] = [MashRoles.Agency, MashRoles.Practitioner, MashRoles.Manager],
        [Practitioners] = [MashRoles.Practitioner, MashRoles.Manager],
        [Managers] = [MashRoles.Manager],
        [Board] = [MashRoles.BoardMember, MashRoles.Manager],
        [Scorecard] = [MashRoles.BoardMember, MashRoles.Manager, MashRoles.QualityLead],
        [QualityLeads] = [MashRoles.QualityLead, MashRoles.Manager],
        [LeadOfficers] = [MashRoles.QualityLead],
        [Staff] = [.. MashRoles.Staff],
        [Importers] = [MashRoles.Importer],
        [StatutoryReturns] = [MashRoles.Manager, MashRoles.QualityLead],
    };

    internal static AuthorizationBuilder AddMashPolicies(this AuthorizationBuilder authorization)
    {
        foreach (var (name, roles) in Roles)
        {
            authorization.AddPolicy(name, policy => policy.RequireAuthenticatedUser().RequireRole(roles));
        }
        // Deny by default: an RPC nobody gave a policy still needs valid credentials. A request that
        // reached no endpoint is left to answer 404 (/health asked on the gRPC port).
        return authorization.SetFallbackPolicy(new AuthorizationPolicyBuilder()
            .RequireAssertion(context => context.User.Identity?.IsAuthenticated == true || context.Resource is HttpContext { } http && http.GetEndpoint() is null)
            .Build());
    }
}
