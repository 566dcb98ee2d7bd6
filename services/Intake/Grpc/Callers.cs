using Mash.ServiceDefaults;
using Mash.Intake.Contacts;
using Mash.Intake.Security;
using Grpc.Core;
using Google.Rpc;

namespace Mash.Intake.Grpc;

/// <summary>Who is calling, as far as what they may see goes.</summary>
internal static class Callers
{
    /// <summary>
    /// The agency whose credentials the call presented (<see cref="AgencyAuthenticationInterceptor"/>);
    /// <see cref="ContactStore.FindAsync"/> keeps it to its own contacts. A handler reached without an
    /// authenticated caller (the interceptor not registered) fails closed: UNAUTHENTICATED, never every contact.
    /// </summary>
    public static CallerAgency AgencyOf(ServerCallContext context) =>
        new((context.GetAuthenticatedAgency() ?? throw RpcErrors.Unauthenticated("The call carries no authenticated agency.")).OrganisationId);
}
