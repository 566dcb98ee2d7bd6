using System.Globalization;
using Google.Protobuf.Reflection;
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
        RepeatsContactIds = { receipt.Repeats.ContactIds.Select(id => id.ToString()) },
        RepeatsReferralIds = { receipt.Repeats.ReferralIds.Select(id => id.ToString()) },
        // The event is the MASH receiving the contact: targets run from then. The incident time travels apart.
        OccurredAt = Timestamp.FromDateTimeOffset(receipt.ReceivedAt),
        RecordedAt = Timestamp.FromDateTimeOffset(receipt.ReceivedAt),
        IncidentAt = contact.IncidentAt,
        DashRisk = contact.DashRisk == DashRisk.Unspecified ? "" : NameOf(contact.DashRisk),
        Consent = contact.Consent is null || contact.Consent.State == ConsentState.Unspecified ? "" : NameOf(contact.Consent.State),
    };

    // The proto name ("DASH_RISK_HIGH"), which every service reads without Intake's contract.
    private static string NameOf<T>(T value) where T : struct, System.Enum =>
        IntakeReflection.Descriptor.FindTypeByName<EnumDescriptor>(typeof(T).Name).FindValueByNumber(Convert.ToInt32(value, CultureInfo.InvariantCulture)).Name;
}
