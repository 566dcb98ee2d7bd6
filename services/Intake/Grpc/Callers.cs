using Mash.ServiceDefaults;
using Mash.Intake.Contacts;
using Grpc.Core;

namespace Mash.Intake.Grpc;

/// <summary>Whose contacts a caller may see, from its credentials (<see cref="CallerContext.GetCaller"/>).</summary>
internal static class Callers
{
    /// <summary>
    /// A frontline app sees only its own agency's contacts (<see cref="ContactStore.FindAsync"/>); MASH
    /// practitioners and managers, screening, see any. Anyone else fails closed: PERMISSION_DENIED,
    /// never every contact (the RPC's policy refuses them first).
    /// </summary>
    public static CallerAgency ScopeOf(Caller caller) =>
        caller.IsAgency ? new CallerAgency(caller.AgencyId)
        : caller.IsInAnyRole(MashRoles.Practitioner, MashRoles.Manager) ? CallerAgency.AnyAgency
        : throw RpcErrors.PermissionDenied("Only the submitting agency and MASH practitioners read contacts.");

    /// <summary>
    /// Who submits: a frontline app as its agency, or an importer (role <see cref="MashRoles.Importer"/>,
    /// a member of staff's token naming no agency) on behalf of any; anyone else fails closed.
    /// </summary>
    public static Submitter SubmitterOf(ServerCallContext context) => context.GetCaller() switch
    {
        { AgencyId: { } agencyId } => new Submitter(new CallerAgency(agencyId), IsImporter: false),
        { } caller when caller.IsInRole(MashRoles.Importer) => Submitter.Importer,
        _ => throw RpcErrors.PermissionDenied("Only a frontline app, with its agency's credentials, or an importer submits contacts."),
    };

    /// <summary>The agency a frontline app submits and lists as; only an agency's credentials name one.</summary>
    public static CallerAgency AgencyOf(ServerCallContext context) =>
        context.GetCaller() is { AgencyId: { } agencyId } ? new CallerAgency(agencyId)
        : throw RpcErrors.PermissionDenied("Only a frontline app, with its agency's credentials, submits and lists contacts.");
}
