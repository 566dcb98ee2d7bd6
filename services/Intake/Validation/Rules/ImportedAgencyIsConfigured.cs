using Mash.Contracts.Intake.V1;

namespace Mash.Intake.Validation.Rules;

/// <summary>
/// An importer submits on behalf of an agency, so that agency must be one of the partnership's
/// (configured, as its frontline app would be): otherwise D1 would count contacts from nowhere.
/// An agency submitting as itself is configured by having authenticated.
/// </summary>
public static class ImportedAgencyIsConfigured
{
    public static IEnumerable<Violation> Check(SubmitContactRequest request, bool isImporter, Func<string, bool> isConfigured)
    {
        if (isImporter && request.Contact?.Agency?.OrganisationId is { Length: > 0 } agencyId && !isConfigured(agencyId))
        {
            yield return new("contact.agency.organisation_id", "not one of the partnership's configured agencies; an importer submits only on behalf of one");
        }
    }
}
