using Mash.Contracts.Common.V1;
using Mash.Contracts.Intake.V1;
using Mash.Intake.Tests.Infrastructure;
using Mash.Intake.Validation;

namespace Mash.Intake.Tests.Validation;

public sealed class ContactValidatorTests
{
    [Fact]
    public void A_complete_contact_passes() =>
        Assert.Empty(ContactValidator.Validate(TestContacts.Request(), TestContacts.Vocabulary));

    [Fact]
    public void A_submission_without_a_contact_names_it_and_no_field_inside_it() =>
        ViolationAssert.Fields(ContactValidator.Validate(new SubmitContactRequest { RequestId = "r" }, TestContacts.Vocabulary), "contact");

    [Fact]
    public void Every_field_at_fault_is_named_at_once()
    {
        var request = new SubmitContactRequest
        {
            Contact = new Contact
            {
                Agency = new ReferringAgency { ReferralSource = "99" },
                ContactType = "gossip",
                PresentingIssues = { "neglect", "rumour" },
                Consent = new Consent { State = ConsentState.Overridden },
            },
        };

        ViolationAssert.Fields(ContactValidator.Validate(request, TestContacts.Vocabulary),
            "request_id",
            "contact.agency.organisation_id",
            "contact.agency.referral_source",
            "contact.subjects",
            "contact.contact_type",
            "contact.presenting_issues[1]",
            "contact.pathway",
            "contact.consent.override_reason");
    }

    [Fact]
    public void Codes_are_checked_against_the_configured_vocabulary()
    {
        var vocabulary = new Vocabulary { ReferralSources = { new Term { Code = "P" } }, ContactTypes = { new Term { Code = "concern" } }, PresentingIssues = { new Term { Code = "neglect" } } };
        var request = TestContacts.Request();
        request.Contact.PresentingIssues.Remove("domestic-abuse");

        ViolationAssert.Fields(ContactValidator.Validate(request, vocabulary), "contact.agency.referral_source");
    }
}
