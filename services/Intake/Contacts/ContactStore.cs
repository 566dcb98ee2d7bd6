using Google.Protobuf;
using Mash.Contracts.Intake.V1;
using Mash.Intake.Repeats;
using Npgsql;

namespace Mash.Intake.Contacts;

/// <summary>The <c>contacts</c> table. Writes take the caller's transaction, so the outbox event commits with them; reads too, so their audit record does.</summary>
public sealed class ContactStore
{
    /// <summary>Stores the contact unless its agency already stored this request id; true when this call stored it.</summary>
    public async Task<bool> TryAddAsync(NpgsqlTransaction transaction, string requestId, StoredContact contact, IReadOnlyList<string> subjectRefs, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO contacts (id, request_id, agency_id, received_at, status, subject_refs, body, repeats_contact_ids)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (agency_id, request_id) DO NOTHING
            """, transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = contact.Receipt.ContactId });
        command.Parameters.Add(new() { Value = requestId });
        command.Parameters.Add(new() { Value = contact.Contact.Agency.OrganisationId });
        command.Parameters.Add(new() { Value = contact.Receipt.ReceivedAt });
        command.Parameters.Add(new() { Value = ContactStatusCodes.ToCode(contact.Receipt.Status) });
        command.Parameters.Add(new() { Value = subjectRefs.ToArray() });
        command.Parameters.Add(new() { Value = contact.Contact.ToByteArray() });
        command.Parameters.Add(new() { Value = contact.Receipt.Repeats.ContactIds.ToArray() });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>The receipt of the contact <paramref name="agencyId"/> stored under <paramref name="requestId"/>.</summary>
    public async Task<ContactReceipt> GetReceiptAsync(NpgsqlTransaction transaction, string agencyId, string requestId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT id, received_at, status, repeats_contact_ids FROM contacts WHERE agency_id = $1 AND request_id = $2", transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = agencyId });
        command.Parameters.Add(new() { Value = requestId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? ReadReceipt(reader)
            : throw new InvalidOperationException("No contact is stored under this request id.");
    }

    /// <summary>
    /// The contact, if it exists and <paramref name="caller"/> may see it; <see cref="ContactLookup.Refused"/>
    /// (nothing of it read) if it is another agency's. In the caller's transaction, so the read's audit record commits with it.
    /// </summary>
    public async Task<ContactLookup> FindAsync(NpgsqlTransaction transaction, Guid contactId, CallerAgency caller, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT id, received_at, status, body, agency_id, repeats_contact_ids, outcome FROM contacts WHERE id = $1", transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = contactId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return ContactLookup.NotFound;
        }
        if (!caller.MaySee(reader.GetString(4)))
        {
            return ContactLookup.Refused;
        }
        return ContactLookup.Found(new StoredContact(ReadReceipt(reader), Contact.Parser.ParseFrom(reader.GetFieldValue<byte[]>(3)))
        {
            Outcome = reader.IsDBNull(6) ? null : reader.GetString(6),
        });
    }

    private static ContactReceipt ReadReceipt(NpgsqlDataReader reader) =>
        new(reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1), ContactStatusCodes.FromCode(reader.GetString(2)))
        {
            Repeats = RepeatsOf(reader.GetFieldValue<Guid[]>(reader.GetOrdinal("repeats_contact_ids"))),
        };

    private static RepeatedContacts RepeatsOf(Guid[] ids) => ids.Length == 0 ? RepeatedContacts.None : new RepeatedContacts(ids);
}
