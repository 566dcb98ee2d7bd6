using Mash.Contracts.Common.V1;
using Mash.Contracts.Intake.V1;

namespace Mash.Intake.Validation.Rules;

/// <summary>Every contact is counted against the organisation that sent it (measure D1).</summary>
public static class AgencyIsIdentified
{
    public static IEnumerable<Violation> Check(Contact contact, Vocabulary vocabulary)
    {
        if (string.IsNullOrWhiteSpace(contact.Agency?.OrganisationId))
        {
            yield return new("contact.agency.organisation_id", "required: the referring organisation's id");
        }
    }
}
