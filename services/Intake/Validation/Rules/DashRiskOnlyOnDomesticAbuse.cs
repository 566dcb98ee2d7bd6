using Mash.Contracts.Common.V1;
using Mash.Contracts.Intake.V1;

namespace Mash.Intake.Validation.Rules;

/// <summary>
/// A domestic abuse notification carries the police's DASH risk (standard, medium, high), which
/// triage acts on; no other contact has one. Which contact types are domestic abuse notifications is
/// the partnership's to configure: those in the vocabulary's <see cref="DomesticAbuseGroup"/>.
/// </summary>
public static class DashRiskOnlyOnDomesticAbuse
{
    /// <summary>The group (<c>Term.group</c>) of the contact types that are domestic abuse notifications.</summary>
    public const string DomesticAbuseGroup = "domestic-abuse";

    private const string Risks = "DASH_RISK_STANDARD, DASH_RISK_MEDIUM or DASH_RISK_HIGH";

    public static IEnumerable<Violation> Check(Contact contact, Vocabulary vocabulary)
    {
        var type = vocabulary.ContactTypes.FirstOrDefault(t => t.Code == contact.ContactType);
        if (!Enum.IsDefined(contact.DashRisk))
        {
            yield return new("contact.dash_risk", $"not a DASH risk: {Risks}");
        }
        // An unknown contact type is ContactTypeIsKnown's fault; whether a risk belongs cannot be told.
        else if (type?.Group == DomesticAbuseGroup && contact.DashRisk == DashRisk.Unspecified)
        {
            yield return new("contact.dash_risk", $"required for a domestic abuse notification: {Risks}");
        }
        else if (type is not null && type.Group != DomesticAbuseGroup && contact.DashRisk != DashRisk.Unspecified)
        {
            yield return new("contact.dash_risk", "only for a domestic abuse notification: leave DASH_RISK_UNSPECIFIED");
        }
    }
}
