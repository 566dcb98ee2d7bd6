using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Intake.V1;

namespace Mash.Intake.Contacts;

/// <summary>
/// The ContactReceived event for a stored contact. It crosses to every other service and on to
/// board dashboards, so it carries codes and pseudonymous subject references only: no names,
/// dates of birth, addresses, NHS numbers or narrative.
/// </summary>
public static class ContactReceivedEvent
{
    public static ContactReceived From(Guid eventId, ContactReceipt receipt, Contact contact, IEnumerable<string> subjectRefs) => new()
    {
        EventId = eventId.ToString(),
        ContactId = receipt.ContactId.ToString(),
        AgencyId = contact.Agency.OrganisationId,
        ReferralSource = contact.Agency.ReferralSource,
        ContactType = contact.ContactType,
        PresentingIssues = { contact.PresentingIssues },
        Pathway = contact.Pathway,
        SubjectRefs = { subjectRefs },
        // Measures run on when it happened; an agency that gives no incident time is taken to report it as it happens.
        OccurredAt = contact.IncidentAt ?? Timestamp.FromDateTimeOffset(receipt.ReceivedAt),
        RecordedAt = Timestamp.FromDateTimeOffset(receipt.ReceivedAt),
    };
}
