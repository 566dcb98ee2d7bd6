using Mash.Contracts.Common.V1;
using Mash.Contracts.Intake.V1;
using Mash.Intake.Tests.Infrastructure;
using Mash.Intake.Validation.Rules;

namespace Mash.Intake.Tests.Validation;

public sealed class DashRiskOnlyOnDomesticAbuseTests
{
    private const string Notification = "domestic-abuse-notification";

    private static Contact Of(string contactType, DashRisk risk)
    {
        var contact = TestContacts.Contact();
        contact.ContactType = contactType;
        contact.DashRisk = risk;
        return contact;
    }

    [Theory]
    [InlineData(DashRisk.Standard)]
    [InlineData(DashRisk.Medium)]
    [InlineData(DashRisk.High)]
    public void A_domestic_abuse_notification_with_its_risk_passes(DashRisk risk) =>
        Assert.Empty(DashRiskOnlyOnDomesticAbuse.Check(Of(Notification, risk), TestContacts.Vocabulary));

    [Fact]
    public void A_domestic_abuse_notification_without_a_risk_is_at_fault() =>
        ViolationAssert.Fields(DashRiskOnlyOnDomesticAbuse.Check(Of(Notification, DashRisk.Unspecified), TestContacts.Vocabulary), "contact.dash_risk");

    [Theory]
    [InlineData("concern")]
    [InlineData("information-request")]
    [InlineData("professional-consultation")]
    public void Another_contact_type_without_a_risk_passes(string contactType) =>
        Assert.Empty(DashRiskOnlyOnDomesticAbuse.Check(Of(contactType, DashRisk.Unspecified), TestContacts.Vocabulary));

    [Theory]
    [InlineData("concern")]
    [InlineData("early-help-request")]
    public void Another_contact_type_with_a_risk_is_at_fault(string contactType) =>
        ViolationAssert.Fields(DashRiskOnlyOnDomesticAbuse.Check(Of(contactType, DashRisk.High), TestContacts.Vocabulary), "contact.dash_risk");

    [Theory]
    [InlineData(Notification)]
    [InlineData("concern")]
    [InlineData("not-a-contact-type")]
    public void An_unknown_risk_value_is_at_fault_whatever_the_type(string contactType) =>
        ViolationAssert.Fields(DashRiskOnlyOnDomesticAbuse.Check(Of(contactType, (DashRisk)4), TestContacts.Vocabulary), "contact.dash_risk");

    [Theory]
    [InlineData("")]
    [InlineData("not-a-contact-type")]
    public void With_an_unknown_contact_type_the_risk_is_left_to_that_fault(string contactType) =>
        Assert.Empty(DashRiskOnlyOnDomesticAbuse.Check(Of(contactType, DashRisk.High), TestContacts.Vocabulary));

    [Fact]
    public void Which_types_are_notifications_is_the_vocabularys_to_say()
    {
        var vocabulary = new Vocabulary { ContactTypes = { new Term { Code = "dvn", Group = DashRiskOnlyOnDomesticAbuse.DomesticAbuseGroup }, new Term { Code = Notification } } };

        ViolationAssert.Fields(DashRiskOnlyOnDomesticAbuse.Check(Of("dvn", DashRisk.Unspecified), vocabulary), "contact.dash_risk");
        Assert.Empty(DashRiskOnlyOnDomesticAbuse.Check(Of(Notification, DashRisk.Unspecified), vocabulary));
    }
}
