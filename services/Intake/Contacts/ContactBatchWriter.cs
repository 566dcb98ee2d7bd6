using Google.Protobuf;
using Mash.Contracts.Intake.V1;
using Mash.Intake.Repeats;
using Mash.ServiceDefaults;
using Npgsql;

namespace Mash.Intake.Contacts;

/// <summary>
/// Writes one group commit: in a single transaction, finds what each new contact repeats, then
/// stores the new contacts, their subjects and their ContactReceived events in one round trip. The
/// receipts it returns (one per pending contact, in order) are given only after the commit.
/// </summary>
public sealed class ContactBatchWriter(NpgsqlDataSource dataSource, EventOutbox outbox, RepeatFinder repeats)
{
    // The first attempt assumes no retries (the usual case): it neither looks stored receipts up nor
    // asks the insert to skip stored request ids, saving a query and an index probe per contact. If a
    // request id is already stored (a retry, or a concurrent commit of the same one), the insert fails
    // on the request key's constraint, the attempt rolls back, and the next looks the stored receipts up first
    // and skips them (fewer rows stored than given then means another commit got there meanwhile).
    private const int Attempts = 3;

    public async Task<IReadOnlyList<ContactReceipt>> WriteAsync(IReadOnlyList<PendingContact> batch)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            if (await TryWriteAsync(batch, expectRetries: attempt > 1) is { } receipts)
            {
                return receipts;
            }
        }
        throw new InvalidOperationException("Contacts with the same request ids kept being stored concurrently.");
    }

    /// <summary>The receipts, or null when a request id was already stored (nothing was written).</summary>
    private async Task<IReadOnlyList<ContactReceipt>?> TryWriteAsync(IReadOnlyList<PendingContact> batch, bool expectRetries)
    {
        // The dispatcher holds back while contacts are being written; ending the write wakes it.
        using var writing = outbox.BeginWrite();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var receipts = expectRetries
            ? await ContactStore.FindReceiptsAsync(transaction, batch.Select(p => p.Key))
            : [];
        // A request id seen twice in one batch is one contact: the first is stored, the second is its retry.
        var fresh = batch.Where(p => !receipts.ContainsKey(p.Key)).DistinctBy(p => p.Key).ToList();
        var repeated = await repeats.FindAsync(transaction, fresh);
        var stored = fresh.Select((p, i) => new StoredContact(new ContactReceipt(p.ContactId, p.ReceivedAt, ContactStatus.Received) { Repeats = repeated[i] }, p.Contact)).ToList();
        if (fresh.Count > 0)
        {
            IMessage[] events = [.. fresh.Select((p, i) => ContactReceivedEvent.From(NewGuids.Random(), stored[i].Receipt, p.Contact, p.SubjectRefs))];
            if (!expectRetries && fresh.Count >= ContactCopy.Threshold)
            {
                try
                {
                    await ContactCopy.WriteAsync(connection, fresh, stored, events);
                }
                catch (PostgresException e) when (IsRequestIdStored(e))
                {
                    return null;
                }
                return await CommitAsync(transaction, batch, fresh, stored, receipts);
            }
            await using var write = new NpgsqlBatch(connection, transaction)
            {
                BatchCommands = { ContactStore.AddCommand(fresh, stored, skipStored: expectRetries), ContactStore.AddSubjectsCommand(fresh), EventOutbox.AddRangeCommand(events, [.. fresh.Select(p => p.TraceParent)]) },
            };
            try
            {
                await write.ExecuteNonQueryAsync();
            }
            catch (PostgresException e) when (IsRequestIdStored(e))
            {
                return null;
            }
            if (write.BatchCommands[0].RecordsAffected != fresh.Count)
            {
                return null;
            }
        }
        return await CommitAsync(transaction, batch, fresh, stored, receipts);
    }

    // The request key is an exclusion constraint (migration 12): a stored request id fails it, and two
    // commits inserting the same one at once may each wait for the other until PostgreSQL aborts one.
    private static bool IsRequestIdStored(PostgresException e) =>
        e.SqlState is PostgresErrorCodes.ExclusionViolation or PostgresErrorCodes.DeadlockDetected;

    private async Task<IReadOnlyList<ContactReceipt>> CommitAsync(NpgsqlTransaction transaction, IReadOnlyList<PendingContact> batch,
        List<PendingContact> fresh, List<StoredContact> stored, Dictionary<(string AgencyId, string RequestId), ContactReceipt> receipts)
    {
        await transaction.CommitAsync();
        outbox.Added(fresh.Count);
        for (var i = 0; i < fresh.Count; i++)
        {
            receipts[fresh[i].Key] = stored[i].Receipt;
        }
        return [.. batch.Select(p => receipts[p.Key])];
    }
}
