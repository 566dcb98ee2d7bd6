using Google.Protobuf;
using Mash.Contracts.Intake.V1;
using Npgsql;

namespace Mash.Intake.Contacts;

/// <summary>The <c>contacts</c> table. Writes take the caller's transaction, so the outbox event commits with them.</summary>
public sealed class ContactStore(NpgsqlDataSource dataSource)
{
    /// <summary>Stores the contact unless its request id is already stored; true when this call stored it.</summary>
    public async Task<bool> TryAddAsync(NpgsqlTransaction transaction, string requestId, StoredContact contact, IReadOnlyList<string> subjectRefs, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO contacts (id, request_id, agency_id, received_at, status, subject_refs, body)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (request_id) DO NOTHING
            """, transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = contact.Receipt.ContactId });
        command.Parameters.Add(new() { Value = requestId });
        command.Parameters.Add(new() { Value = contact.Contact.Agency.OrganisationId });
        command.Parameters.Add(new() { Value = contact.Receipt.ReceivedAt });
        command.Parameters.Add(new() { Value = ContactStatusCodes.ToCode(contact.Receipt.Status) });
        command.Parameters.Add(new() { Value = subjectRefs.ToArray() });
        command.Parameters.Add(new() { Value = contact.Contact.ToByteArray() });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>The receipt of the contact stored under <paramref name="requestId"/>.</summary>
    public async Task<ContactReceipt> GetReceiptAsync(NpgsqlTransaction transaction, string requestId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT id, received_at, status FROM contacts WHERE request_id = $1", transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = requestId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? ReadReceipt(reader)
            : throw new InvalidOperationException("No contact is stored under this request id.");
    }

    /// <summary>The contact, if it exists and <paramref name="caller"/> may see it.</summary>
    public async Task<StoredContact?> FindAsync(Guid contactId, CallerAgency caller, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT id, received_at, status, body, agency_id FROM contacts WHERE id = $1");
        command.Parameters.Add(new() { Value = contactId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken) || !caller.MaySee(reader.GetString(4)))
        {
            return null;
        }
        return new StoredContact(ReadReceipt(reader), Contact.Parser.ParseFrom(reader.GetFieldValue<byte[]>(3)));
    }

    private static ContactReceipt ReadReceipt(NpgsqlDataReader reader) =>
        new(reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1), ContactStatusCodes.FromCode(reader.GetString(2)));
}
