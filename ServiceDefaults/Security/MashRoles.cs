namespace Mash.ServiceDefaults;

/// <summary>
/// The roles a caller may hold, as the values of the token's role claim (Entra ID's app roles:
/// <c>roles</c>). Staff roles come from the council's identity provider; <see cref="Agency"/> is
/// given to every frontline app that presents its agency's token.
/// </summary>
public static class MashRoles
{
    /// <summary>A MASH practitioner: works the screening queue, rates, decides, records outcomes.</summary>
    public const string Practitioner = "Mash.Practitioner";

    /// <summary>A MASH manager: everything a practitioner does, and the board's reports.</summary>
    public const string Manager = "Mash.Manager";

    /// <summary>A quality lead: the scorecard and assurance.</summary>
    public const string QualityLead = "Mash.QualityLead";

    /// <summary>A member of the safeguarding partnership's board: the scorecard and the live outcome feed.</summary>
    public const string BoardMember = "Mash.BoardMember";

    /// <summary>Operations staff: targets and health, no personal data.</summary>
    public const string Operations = "Mash.Operations";

    /// <summary>Imports a legacy case system's records with their original times.</summary>
    public const string Importer = "Mash.Importer";

    /// <summary>A partner agency's frontline app (police, health, schools, the portal), by its agency token.</summary>
    public const string Agency = "Mash.Agency";

    /// <summary>Every role a member of staff may hold.</summary>
    public static IReadOnlyList<string> Staff { get; } = [Practitioner, Manager, QualityLead, BoardMember, Operations, Importer];
}
