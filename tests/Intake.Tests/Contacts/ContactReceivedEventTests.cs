using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Intake.V1;
using Mash.Intake.Contacts;
using Mash.Intake.Tests.Infrastructure;

namespace Mash.Intake.Tests.Contacts;

public sealed class ContactReceivedEventTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2025, 6, 2, 9, 30, 0, TimeSpan.Zero);
    private static readonly ContactReceipt Receipt = new(Guid.Parse("0197f0a2-0000-7000-8000-000000000001"), ReceivedAt, ContactStatus.Received);
    private static readonly Guid EventId = Guid.Parse("0197f0a2-0000-7000-8000-0000000000e1");

    [Fact]
    public void It_carries_the_contact_codes_and_refs()
    {
        var received = ContactReceivedEvent.From(EventId, Receipt, TestContacts.Contact(), ["ref-1"]);

        Assert.Equal(EventId.ToString(), received.EventId);
        Assert.Equal(Receipt.ContactId.ToString(), received.ContactId);
        Assert.Equal("police-west", received.AgencyId);
        Assert.Equal("6", received.ReferralSource);
        Assert.Equal("concern", received.ContactType);
        Assert.Equal(["domestic-abuse", "neglect"], received.PresentingIssues);
        Assert.Equal(Pathway.Children, received.Pathway);
        Assert.Equal(["ref-1"], received.SubjectRefs);
        Assert.Empty(received.RepeatsContactIds);
        Assert.Empty(received.RepeatsReferralIds);
    }

    [Fact]
    public void It_happened_on_receipt_and_carries_the_incident_time_apart()
    {
        var contact = TestContacts.Contact();
        contact.IncidentAt = Timestamp.FromDateTimeOffset(ReceivedAt.AddHours(-5));

        var received = ContactReceivedEvent.From(EventId, Receipt, contact, []);

        Assert.Equal(ReceivedAt, received.OccurredAt.ToDateTimeOffset());
        Assert.Equal(ReceivedAt, received.RecordedAt.ToDateTimeOffset());
        Assert.Equal(ReceivedAt.AddHours(-5), received.IncidentAt.ToDateTimeOffset());
    }

    [Fact]
    public void It_carries_the_DASH_risk_and_the_consent_state_by_name_but_not_an_overrides_reason()
    {
        var contact = TestContacts.Contact();
        contact.DashRisk = DashRisk.Medium;
        contact.Consent = new Consent { State = ConsentState.Overridden, OverrideReason = "risk of significant harm to the child" };

        var received = ContactReceivedEvent.From(EventId, Receipt, contact, []);

        Assert.Equal(("DASH_RISK_MEDIUM", "CONSENT_STATE_OVERRIDDEN"), (received.DashRisk, received.Consent));
        Assert.DoesNotContain("significant harm", received.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_DASH_risk_or_consent_recorded_none_is_sent()
    {
        var contact = TestContacts.Contact();
        contact.DashRisk = DashRisk.Unspecified;
        contact.Consent = null;

        var received = ContactReceivedEvent.From(EventId, Receipt, contact, []);

        Assert.Equal(("", ""), (received.DashRisk, received.Consent));
    }

    [Fact]
    public void Without_an_incident_time_none_is_sent()
    {
        var received = ContactReceivedEvent.From(EventId, Receipt, TestContacts.Contact(), []);

        Assert.Equal(ReceivedAt, received.OccurredAt.ToDateTimeOffset());
        Assert.Null(received.IncidentAt);
    }

    [Fact]
    public void It_carries_no_personal_data()
    {
        var contact = TestContacts.Contact();
        contact.Subjects[0].NhsNumber = TestContacts.ValidNhsNumber;
        var subject = contact.Subjects[0];

        var json = JsonFormatter.Default.Format(ContactReceivedEvent.From(EventId, Receipt, contact, ["ref-1"]));

        string[] personal =
        [
            subject.GivenName, subject.FamilyName, subject.NhsNumber, subject.Address.Postcode, subject.Address.Lines[0], "2015",
            contact.Referrer.Name, contact.Referrer.Phone, contact.Referrer.Email, contact.Narrative,
        ];
        Assert.All(personal, value => Assert.DoesNotContain(value, json, StringComparison.OrdinalIgnoreCase));
    }
}
