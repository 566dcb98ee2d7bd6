using Mash.Contracts.Intake.V1;
using Mash.Intake.Contacts;
using Mash.Intake.Repeats;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Mash.Intake.Listing;

/// <summary>A contact as ListContacts shows it: its receipt and codes, none of its personal data.</summary>
public sealed record ListedContact(ContactReceipt Receipt, string ContactType, IReadOnlyList<string> PresentingIssues);

/// <summary>A page of an agency's contacts and where the next one starts (null after the last).</summary>
public sealed record ContactPage(IReadOnlyList<ListedContact> Contacts, PageToken? Next);

/// <summary>
/// An agency's own contacts, newest first, by keyset pagination on (received_at, id) descending,
/// so a page never skips or repeats a contact however many are added meanwhile (new ones come
/// before the first page). Only codes and ids leave: the body is read here for its contact type
/// and presenting issues and nothing else of it is returned, so a listing is not audited.
/// </summary>
public sealed class ContactListing(NpgsqlDataSource dataSource, IOptions<ListingOptions> options)
{
    public ListingOptions Options => options.Value;

    public async Task<ContactPage> ListAsync(string agencyId, int pageSize, PageToken? after, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(after is null
            ? """
              SELECT id, received_at, status, repeats_contact_ids, body, repeats_referral_ids FROM contacts
              WHERE agency_id = $1
              ORDER BY received_at DESC, id DESC LIMIT $2
              """
            : """
              SELECT id, received_at, status, repeats_contact_ids, body, repeats_referral_ids FROM contacts
              WHERE agency_id = $1 AND (received_at, id) < ($3, $4)
              ORDER BY received_at DESC, id DESC LIMIT $2
              """);
        command.Parameters.Add(new() { Value = agencyId });
        // One more than the page, to know whether another page follows.
        command.Parameters.Add(new() { Value = pageSize + 1 });
        if (after is not null)
        {
            command.Parameters.Add(new() { Value = after.ReceivedAt });
            command.Parameters.Add(new() { Value = after.ContactId });
        }
        var listed = new List<ListedContact>(pageSize + 1);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var receipt = new ContactReceipt(reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1), ContactStatusCodes.FromCode(reader.GetString(2)))
            {
                Repeats = RepeatedContacts.Of(reader.GetFieldValue<Guid[]>(3), reader.GetFieldValue<Guid[]>(5)),
            };
            var body = Contact.Parser.ParseFrom(reader.GetFieldValue<byte[]>(4));
            listed.Add(new ListedContact(receipt, body.ContactType, [.. body.PresentingIssues]));
        }
        if (listed.Count <= pageSize)
        {
            return new ContactPage(listed, null);
        }
        listed.RemoveAt(pageSize);
        var last = listed[^1].Receipt;
        return new ContactPage(listed, new PageToken(last.ReceivedAt, last.ContactId));
    }
}
