using Mash.Intake.Contacts;
using MashGrpc.Core;

namespace Mash.Intake.Grpc;

/// <summary>Who is calling, as far as what they may see goes.</summary>
internal static class Callers
{
    /// <summary>
    /// Calls carry no credentials yet, so no caller can be tied to an agency and every caller sees
    /// every contact. When agencies authenticate, their organisation id comes from the credentials
    /// here and <see cref="ContactStore.FindAsync"/> keeps each to its own contacts.
    /// </summary>
    public static CallerAgency AgencyOf(ServerCallContext context) => CallerAgency.AnyAgency;
}
