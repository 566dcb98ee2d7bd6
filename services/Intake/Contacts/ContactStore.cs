using Google.Protobuf;
using Mash.Contracts.Intake.V1;
using Mash.Intake.Repeats;
using Mash.Intake.Subjects;
using Npgsql;

namespace Mash.Intake.Contacts;

/// <summary>The <c>contacts</c> table. Writes take the caller's transaction, so the outbox events commit with them; reads too, so their audit record does.</summary>
public sealed class ContactStore
{
    /// <summary>
    /// Stores the new contacts. A request id its agency already stored fails the command on the
    /// request key's constraint, unless <paramref name="skipStored"/>: then that contact is skipped, and
    /// RecordsAffected tells how many were stored (fewer than given means a retry or another commit
    /// got there first, and the caller rolls back).
    /// </summary>
    public static NpgsqlBatchCommand AddCommand(IReadOnlyList<PendingContact> pending, IReadOnlyList<StoredContact> contacts, bool skipStored)
    {
        // Rows arrive as parallel arrays. A row's repeated contact (and referral) ids travel joined by
        // commas, since PostgreSQL has no arrays of arrays of varying length.
        var command = new NpgsqlBatchCommand("""
            INSERT INTO contacts (id, request_id, agency_id, received_at, status, body, repeats_contact_ids, repeats_referral_ids)
            SELECT c.id, c.request_id, c.agency_id, c.received_at, $5, c.body, string_to_array(c.repeats, ',')::uuid[], string_to_array(c.referrals, ',')::uuid[]
            FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $6::bytea[], $7::text[], $8::text[])
                AS c(id, request_id, agency_id, received_at, body, repeats, referrals)
            """ + (skipStored ? " ON CONFLICT ON CONSTRAINT contacts_request_key DO NOTHING" : ""));
        command.Parameters.Add(new() { Value = contacts.Select(c => c.Receipt.ContactId).ToArray() });
        command.Parameters.Add(new() { Value = pending.Select(p => p.RequestId).ToArray() });
        command.Parameters.Add(new() { Value = pending.Select(p => p.AgencyId).ToArray() });
        command.Parameters.Add(new() { Value = contacts.Select(c => c.Receipt.ReceivedAt).ToArray() });
        command.Parameters.Add(new() { Value = ContactStatusCodes.ToCode(ContactStatus.Received) });
        command.Parameters.Add(new() { Value = contacts.Select(c => c.Contact.ToByteArray()).ToArray() });
        command.Parameters.Add(new() { Value = contacts.Select(c => string.Join(',', c.Receipt.Repeats.ContactIds)).ToArray() });
        command.Parameters.Add(new() { Value = contacts.Select(c => string.Join(',', c.Receipt.Repeats.ReferralIds)).ToArray() });
        return command;
    }

    /// <summary>One row per distinct subject reference of each contact, for <see cref="Repeats.RepeatFinder"/>.</summary>
    public static NpgsqlBatchCommand AddSubjectsCommand(IReadOnlyList<PendingContact> pending)
    {
        var subjects = SubjectRows(pending).ToList();
        var command = new NpgsqlBatchCommand("""
            INSERT INTO contact_subjects (subject_ref, received_at, contact_id)
            SELECT * FROM unnest($1::bytea[], $2::timestamptz[], $3::uuid[])
            """);
        command.Parameters.Add(new() { Value = subjects.Select(s => s.SubjectRef).ToArray() });
        command.Parameters.Add(new() { Value = subjects.Select(s => s.ReceivedAt).ToArray() });
        command.Parameters.Add(new() { Value = subjects.Select(s => s.ContactId).ToArray() });
        return command;
    }

    /// <summary>The <c>contact_subjects</c> rows of the contacts: one per distinct subject reference of each, as stored.</summary>
    public static IEnumerable<(byte[] SubjectRef, DateTimeOffset ReceivedAt, Guid ContactId)> SubjectRows(IEnumerable<PendingContact> pending) =>
        pending.SelectMany(p => p.SubjectRefs.Distinct().Select(subjectRef => (StoredSubjectRef.Of(subjectRef), p.ReceivedAt, p.ContactId)));

    /// <summary>The receipts of those of <paramref name="keys"/> (agency and request id) already stored.</summary>
    public static async Task<Dictionary<(string AgencyId, string RequestId), ContactReceipt>> FindReceiptsAsync(
        NpgsqlTransaction transaction, IEnumerable<(string AgencyId, string RequestId)> keys, CancellationToken cancellationToken = default)
    {
        var asked = keys.ToList();
        // Joined on the request key (migration 12), so its hash index finds each.
        await using var command = new NpgsqlCommand("""
            SELECT c.id, c.received_at, c.status, c.repeats_contact_ids, c.agency_id, c.request_id, c.repeats_referral_ids
            FROM unnest($1::text[], $2::text[]) AS k(agency_id, request_id)
            JOIN contacts c ON contact_request_key(c.agency_id, c.request_id) = contact_request_key(k.agency_id, k.request_id)
            """, transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = asked.Select(k => k.AgencyId).ToArray() });
        command.Parameters.Add(new() { Value = asked.Select(k => k.RequestId).ToArray() });
        var receipts = new Dictionary<(string, string), ContactReceipt>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            receipts[(reader.GetString(4), reader.GetString(5))] = ReadReceipt(reader);
        }
        return receipts;
    }

    /// <summary>
    /// The contact, if it exists and <paramref name="caller"/> may see it; <see cref="ContactLookup.Refused"/>
    /// (nothing of it read) if it is another agency's. In the caller's transaction, so the read's audit record commits with it.
    /// </summary>
    public async Task<ContactLookup> FindAsync(NpgsqlTransaction transaction, Guid contactId, CallerAgency caller, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT id, received_at, status, body, agency_id, repeats_contact_ids, outcome, repeats_referral_ids FROM contacts WHERE id = $1", transaction.Connection, transaction);
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
            Repeats = RepeatedContacts.Of(
                reader.GetFieldValue<Guid[]>(reader.GetOrdinal("repeats_contact_ids")),
                reader.GetFieldValue<Guid[]>(reader.GetOrdinal("repeats_referral_ids"))),
        };
}
