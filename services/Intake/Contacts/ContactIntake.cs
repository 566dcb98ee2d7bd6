using Mash.Contracts.Intake.V1;
using Mash.Intake.Subjects;
using Mash.ServiceDefaults;
using Npgsql;

namespace Mash.Intake.Contacts;

/// <summary>
/// Takes in a valid contact: stores it and its ContactReceived event in one transaction, so the
/// contact is acknowledged only once both are durable, and the event leaves if and only if the
/// contact was stored. Idempotent on the request id: a retry gets the first receipt back.
/// </summary>
public sealed class ContactIntake(NpgsqlDataSource dataSource, ContactStore contacts, EventOutbox outbox, SubjectPseudonyms pseudonyms, TimeProvider time)
{
    public async Task<ContactReceipt> SubmitAsync(string requestId, Contact contact, CancellationToken cancellationToken)
    {
        var receivedAt = ToMicroseconds(time.GetUtcNow());
        var stored = new StoredContact(new ContactReceipt(Guid.CreateVersion7(receivedAt), receivedAt, ContactStatus.Received), contact);
        var subjectRefs = pseudonyms.RefsFor(contact, stored.Receipt.ContactId);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await contacts.TryAddAsync(transaction, requestId, stored, subjectRefs, cancellationToken))
        {
            // A retry: the first submission committed (a concurrent one is waited for by the unique index).
            return await contacts.GetReceiptAsync(transaction, requestId, cancellationToken);
        }
        await outbox.AddAsync(transaction, ContactReceivedEvent.From(Guid.NewGuid(), stored.Receipt, contact, subjectRefs), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return stored.Receipt;
    }

    // PostgreSQL keeps microseconds; a receipt read back on a retry must equal the first one exactly.
    private static DateTimeOffset ToMicroseconds(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % 10), TimeSpan.Zero);
}
