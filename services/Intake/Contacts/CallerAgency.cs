namespace Mash.Intake.Contacts;

/// <summary>
/// Whose contacts a caller may see: an agency sees only what it submitted; the MASH itself
/// (<see cref="AnyAgency"/>) sees every contact.
/// </summary>
public sealed record CallerAgency(string? OrganisationId)
{
    public static CallerAgency AnyAgency { get; } = new((string?)null);

    public bool MaySee(string agencyId) => OrganisationId is null || OrganisationId == agencyId;
}
