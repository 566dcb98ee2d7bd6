using Mash.Intake.Tests.Infrastructure;
using Mash.Intake.Validation.Rules;

namespace Mash.Intake.Tests.Validation;

public sealed class ImportedAgencyIsConfiguredTests
{
    private static bool OnlyPoliceWest(string agencyId) => agencyId == TestCallers.PoliceWest;

    [Fact]
    public void An_importer_submits_for_a_configured_agency() =>
        Assert.Empty(ImportedAgencyIsConfigured.Check(TestContacts.Request(), isImporter: true, OnlyPoliceWest));

    [Fact]
    public void An_importer_submitting_for_an_unknown_agency_is_at_fault()
    {
        var request = TestContacts.Request();
        request.Contact.Agency.OrganisationId = "police-east";

        ViolationAssert.Fields(ImportedAgencyIsConfigured.Check(request, isImporter: true, OnlyPoliceWest), "contact.agency.organisation_id");
    }

    [Fact]
    public void An_agency_is_configured_by_having_authenticated() =>
        Assert.Empty(ImportedAgencyIsConfigured.Check(TestContacts.Request(), isImporter: false, _ => false));
}
