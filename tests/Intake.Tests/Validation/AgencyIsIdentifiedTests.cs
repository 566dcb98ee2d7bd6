using Mash.Intake.Tests.Infrastructure;
using Mash.Intake.Validation.Rules;

namespace Mash.Intake.Tests.Validation;

public sealed class AgencyIsIdentifiedTests
{
    [Fact]
    public void An_organisation_id_passes() =>
        Assert.Empty(AgencyIsIdentified.Check(TestContacts.Contact(), TestContacts.Vocabulary));

    [Fact]
    public void A_missing_organisation_id_is_at_fault()
    {
        var contact = TestContacts.Contact();
        contact.Agency.OrganisationId = " ";
        ViolationAssert.Fields(AgencyIsIdentified.Check(contact, TestContacts.Vocabulary), "contact.agency.organisation_id");
    }

    [Fact]
    public void A_missing_agency_is_at_fault()
    {
        var contact = TestContacts.Contact();
        contact.Agency = null;
        ViolationAssert.Fields(AgencyIsIdentified.Check(contact, TestContacts.Vocabulary), "contact.agency.organisation_id");
    }
}
