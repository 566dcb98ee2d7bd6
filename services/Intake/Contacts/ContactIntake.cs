using Mash.Contracts.Intake.V1;
using Mash.Intake.Repeats;
using Mash.Intake.Subjects;
using Mash.ServiceDefaults;
using Npgsql;

namespace Mash.Intake.Contacts;

/// <summary>
/// Takes in a valid contact: stores it and its ContactReceived event in one transaction, so the
/// contact is acknowledged only once both are durable, and the event leaves if and only if the
/// contact was stored. Idempotent on the request id: a retry gets the first receipt back. The
/// earlier contacts it repeats are found in the same transaction and stored with it.
/// </summary>
public sealed class ContactIntake(NpgsqlDataSource dataSource, ContactStore contacts, EventOutbox outbox, SubjectPseudonyms pseudonyms, RepeatFinder repeats, TimeProvider time)
{
    public async Task<ContactReceipt> SubmitAsync(string requestId, Contact contact, CancellationToken cancellationToken)
    {
        var receivedAt = ToMicroseconds(time.GetUtcNow());
        var contactId = Guid.CreateVersion7(receivedAt);
        var subjectRefs = pseudonyms.RefsFor(contact, contactId);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var repeated = await repeats.FindAsync(transaction, contactId, subjectRefs, receivedAt, cancellationToken);
        var stored = new StoredContact(new ContactReceipt(contactId, receivedAt, ContactStatus.Received) { Repeats = repeated }, contact);
        if (!await contacts.TryAddAsync(transaction, requestId, stored, subjectRefs, cancellationToken))
        {
            // A retry: the first submission committed (a concurrent one is waited for by the unique index).
            return await contacts.GetReceiptAsync(transaction, contact.Agency.OrganisationId, requestId, cancellationToken);
        }
        await outbox.AddAsync(transaction, ContactReceivedEvent.From(Guid.NewGuid(), stored.Receipt, contact, subjectRefs), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return stored.Receipt;
    }

    // PostgreSQL keeps microseconds; a receipt read back on a retry must equal the first one exactly.
    private static DateTimeOffset ToMicroseconds(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % 10), TimeSpan.Zero);
}
