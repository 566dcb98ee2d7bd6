using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Intake.V1;
using Mash.Intake.Tests.Infrastructure;
using Mash.Intake.Validation;

namespace Mash.Intake.Tests.Validation;

public sealed class ContactValidatorTests
{
    [Fact]
    public void A_complete_contact_passes() =>
        Assert.Empty(ContactValidator.Validate(TestContacts.Request(), TestContacts.Vocabulary, TestContacts.ReceivedAt));

    [Fact]
    public void A_submission_without_a_contact_names_it_and_no_field_inside_it() =>
        ViolationAssert.Fields(ContactValidator.Validate(new SubmitContactRequest { RequestId = "r" }, TestContacts.Vocabulary, TestContacts.ReceivedAt), "contact");

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
                HouseholdLinks = { new HouseholdLink { FromSubjectKey = "s1", ToSubjectKey = "s2", Relationship = "mother" } },
                DashRisk = (DashRisk)9,
                IncidentAt = Timestamp.FromDateTimeOffset(TestContacts.ReceivedAt.AddDays(1)),
            },
        };

        ViolationAssert.Fields(ContactValidator.Validate(request, TestContacts.Vocabulary, TestContacts.ReceivedAt),
            "request_id",
            "contact.agency.organisation_id",
            "contact.agency.referral_source",
            "contact.subjects",
            "contact.household_links[0].from_subject_key",
            "contact.household_links[0].to_subject_key",
            "contact.contact_type",
            "contact.dash_risk",
            "contact.presenting_issues[1]",
            "contact.pathway",
            "contact.consent.override_reason",
            "contact.incident_at");
    }

    [Fact]
    public void Codes_are_checked_against_the_configured_vocabulary()
    {
        var vocabulary = new Vocabulary { ReferralSources = { new Term { Code = "P" } }, ContactTypes = { new Term { Code = "concern" } }, PresentingIssues = { new Term { Code = "neglect" } } };
        var request = TestContacts.Request();
        request.Contact.PresentingIssues.Remove("domestic-abuse");

        ViolationAssert.Fields(ContactValidator.Validate(request, vocabulary, TestContacts.ReceivedAt), "contact.agency.referral_source");
    }
}
