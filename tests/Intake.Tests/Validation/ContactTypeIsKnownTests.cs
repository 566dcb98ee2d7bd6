using Mash.Intake.Tests.Infrastructure;
using Mash.Intake.Validation.Rules;

namespace Mash.Intake.Tests.Validation;

public sealed class ContactTypeIsKnownTests
{
    [Theory]
    [InlineData("concern")]
    [InlineData("information-request")]
    [InlineData("domestic-abuse-notification")]
    public void A_configured_contact_type_passes(string code)
    {
        var contact = TestContacts.Contact();
        contact.ContactType = code;
        Assert.Empty(ContactTypeIsKnown.Check(contact, TestContacts.Vocabulary));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Concern")]
    [InlineData("complaint")]
    public void Anything_else_is_at_fault(string code)
    {
        var contact = TestContacts.Contact();
        contact.ContactType = code;
        ViolationAssert.Fields(ContactTypeIsKnown.Check(contact, TestContacts.Vocabulary), "contact.contact_type");
    }
}
