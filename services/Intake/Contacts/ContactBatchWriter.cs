using Google.Protobuf;
using Mash.Contracts.Intake.V1;
using Mash.Intake.Repeats;
using Mash.ServiceDefaults;
using Npgsql;

namespace Mash.Intake.Contacts;

/// <summary>
/// Writes one group commit: in a single transaction, answers retries with their stored receipts,
/// finds what each new contact repeats, stores the new contacts and their ContactReceived events.
/// The receipts it returns (one per pending contact, in order) are given only after the commit.
/// </summary>
public sealed class ContactBatchWriter(NpgsqlDataSource dataSource, ContactStore contacts, EventOutbox outbox, RepeatFinder repeats)
{
    // A concurrent batch (another replica, or this one's other commit) storing the same request id
    // makes ours roll back and start again, when the first check finds that contact committed.
    private const int Attempts = 3;

    public async Task<IReadOnlyList<ContactReceipt>> WriteAsync(IReadOnlyList<PendingContact> batch)
    {
        for (var attempt = 1; attempt < Attempts; attempt++)
        {
            if (await TryWriteAsync(batch) is { } receipts)
            {
                return receipts;
            }
        }
        return await TryWriteAsync(batch)
            ?? throw new InvalidOperationException("Contacts with the same request ids kept being stored concurrently.");
    }

    /// <summary>The receipts, or null when a concurrent commit stored one of the same request ids first (nothing was written).</summary>
    private async Task<IReadOnlyList<ContactReceipt>?> TryWriteAsync(IReadOnlyList<PendingContact> batch)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var receipts = await contacts.FindReceiptsAsync(transaction, batch.Select(p => p.Key));
        // A request id seen twice in one batch is one contact: the first is stored, the second is its retry.
        var fresh = batch.Where(p => !receipts.ContainsKey(p.Key)).DistinctBy(p => p.Key).ToList();
        var repeated = await repeats.FindAsync(transaction, fresh);
        var stored = fresh.Select((p, i) => new StoredContact(new ContactReceipt(p.ContactId, p.ReceivedAt, ContactStatus.Received) { Repeats = repeated[i] }, p.Contact)).ToList();
        if (await contacts.AddAsync(transaction, fresh, stored) != fresh.Count)
        {
            return null;
        }
        IMessage[] events = [.. fresh.Select((p, i) => ContactReceivedEvent.From(Guid.NewGuid(), stored[i].Receipt, p.Contact, p.SubjectRefs))];
        await outbox.AddRangeAsync(transaction, events);
        await transaction.CommitAsync();
        for (var i = 0; i < fresh.Count; i++)
        {
            receipts[fresh[i].Key] = stored[i].Receipt;
        }
        return [.. batch.Select(p => receipts[p.Key])];
    }
}
