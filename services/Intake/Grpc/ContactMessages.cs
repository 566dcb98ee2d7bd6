using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Intake.V1;
using Mash.Intake.Contacts;
using Mash.Intake.Listing;

namespace Mash.Intake.Grpc;

/// <summary>Intake's records as the API's messages.</summary>
internal static class ContactMessages
{
    public static SubmitContactResponse ToResponse(ContactReceipt receipt) => new()
    {
        ContactId = receipt.ContactId.ToString(),
        ReceivedAt = Timestamp.FromDateTimeOffset(receipt.ReceivedAt),
        Status = receipt.Status,
        RepeatsContactIds = { receipt.Repeats.ContactIds.Select(id => id.ToString()) },
        RepeatsReferralIds = { receipt.Repeats.ReferralIds.Select(id => id.ToString()) },
    };

    public static ContactRecord ToRecord(StoredContact stored) => new()
    {
        ContactId = stored.Receipt.ContactId.ToString(),
        Contact = stored.Contact,
        ReceivedAt = Timestamp.FromDateTimeOffset(stored.Receipt.ReceivedAt),
        Status = stored.Receipt.Status,
        Outcome = stored.Outcome ?? "",
        RepeatsContactIds = { stored.Receipt.Repeats.ContactIds.Select(id => id.ToString()) },
        RepeatsReferralIds = { stored.Receipt.Repeats.ReferralIds.Select(id => id.ToString()) },
    };

    public static ListContactsResponse ToResponse(ContactPage page) => new()
    {
        Contacts = { page.Contacts.Select(ToSummary) },
        NextPageToken = page.Next?.Encode() ?? "",
    };

    public static ContactSummary ToSummary(ListedContact listed) => new()
    {
        ContactId = listed.Receipt.ContactId.ToString(),
        ReceivedAt = Timestamp.FromDateTimeOffset(listed.Receipt.ReceivedAt),
        Status = listed.Receipt.Status,
        ContactType = listed.ContactType,
        PresentingIssues = { listed.PresentingIssues },
        RepeatsContactIds = { listed.Receipt.Repeats.ContactIds.Select(id => id.ToString()) },
        RepeatsReferralIds = { listed.Receipt.Repeats.ReferralIds.Select(id => id.ToString()) },
    };
}
