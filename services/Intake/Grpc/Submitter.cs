using Mash.Intake.Contacts;

namespace Mash.Intake.Grpc;

/// <summary>
/// Who submits a contact, from the call's credentials: a frontline app as its own agency, or an
/// importer (<see cref="IsImporter"/>) on behalf of any configured agency, with the contact's original time.
/// </summary>
internal sealed record Submitter(CallerAgency Agency, bool IsImporter)
{
    public static Submitter Importer { get; } = new(CallerAgency.AnyAgency, IsImporter: true);
}
