using Google.Protobuf;
using Mash.Contracts.Intake.V1;
using Mash.ServiceDefaults;
using Npgsql;
using NpgsqlTypes;

namespace Mash.Intake.Contacts;

/// <summary>
/// Stores a large group commit (a bulk import's) with COPY rather than INSERT … unnest: PostgreSQL
/// then skips planning and unpacking arrays, which for hundreds of rows a commit was a fair share
/// of its CPU (BENCHMARKS.md, "Intake submission"). COPY cannot skip a stored request id, so it is
/// only the first attempt's way: a retry fails it on the request key's constraint, and the next attempt inserts.
/// </summary>
public static class ContactCopy
{
    /// <summary>From this many new contacts in one commit on, they are copied.</summary>
    public const int Threshold = 128;

    public static async Task WriteAsync(NpgsqlConnection connection, IReadOnlyList<PendingContact> fresh, IReadOnlyList<StoredContact> stored, IReadOnlyList<IMessage> events)
    {
        await using (var contacts = await connection.BeginBinaryImportAsync(
            "COPY contacts (id, request_id, agency_id, received_at, status, body, repeats_contact_ids, repeats_referral_ids) FROM STDIN (FORMAT BINARY)"))
        {
            var status = ContactStatusCodes.ToCode(ContactStatus.Received);
            for (var i = 0; i < fresh.Count; i++)
            {
                var receipt = stored[i].Receipt;
                await contacts.StartRowAsync();
                await contacts.WriteAsync(receipt.ContactId, NpgsqlDbType.Uuid);
                await contacts.WriteAsync(fresh[i].RequestId, NpgsqlDbType.Text);
                await contacts.WriteAsync(fresh[i].AgencyId, NpgsqlDbType.Text);
                await contacts.WriteAsync(receipt.ReceivedAt, NpgsqlDbType.TimestampTz);
                await contacts.WriteAsync(status, NpgsqlDbType.Text);
                await contacts.WriteAsync(stored[i].Contact.ToByteArray(), NpgsqlDbType.Bytea);
                await contacts.WriteAsync(receipt.Repeats.ContactIds.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Uuid);
                await contacts.WriteAsync(receipt.Repeats.ReferralIds.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Uuid);
            }
            await contacts.CompleteAsync();
        }
        await using (var subjects = await connection.BeginBinaryImportAsync(
            "COPY contact_subjects (subject_ref, received_at, contact_id) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (subjectRef, receivedAt, contactId) in ContactStore.SubjectRows(fresh))
            {
                await subjects.StartRowAsync();
                await subjects.WriteAsync(subjectRef, NpgsqlDbType.Bytea);
                await subjects.WriteAsync(receivedAt, NpgsqlDbType.TimestampTz);
                await subjects.WriteAsync(contactId, NpgsqlDbType.Uuid);
            }
            await subjects.CompleteAsync();
        }
        await EventOutbox.CopyRangeAsync(connection, events, [.. fresh.Select(p => p.TraceParent)]);
    }
}
