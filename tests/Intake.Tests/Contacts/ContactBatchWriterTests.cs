using Mash.Contracts.Events.V1;
using Mash.Contracts.Intake.V1;
using Mash.Intake.Contacts;
using Mash.Intake.Tests.Infrastructure;
using Mash.ServiceDefaults;
using Npgsql;

namespace Mash.Intake.Tests.Contacts;

/// <summary>One group commit: many contacts in one transaction, retries answered from what is stored.</summary>
[Collection(IntakeDatabaseCollection.Name)]
public sealed class ContactBatchWriterTests(IntakeDatabase database)
{
    private readonly IntakeUnderTest intake = new(database);

    private ContactBatchWriter Writer => new(database.DataSource, new EventOutbox(), intake.Repeats);

    // Below ContactCopy.Threshold contacts are inserted, from it on copied.
    [Theory]
    [InlineData(50)]
    [InlineData(ContactCopy.Threshold)]
    public async Task Every_contact_of_a_batch_is_stored_with_one_event_and_its_own_receipt(int contacts)
    {
        var batch = Enumerable.Range(0, contacts).Select(_ => Pending(AnotherAgencys())).ToList();

        var receipts = await Writer.WriteAsync(batch);

        Assert.Equal(batch.Select(p => p.ContactId), receipts.Select(r => r.ContactId));
        foreach (var (pending, receipt) in batch.Zip(receipts))
        {
            var stored = await intake.FindAsync(receipt.ContactId, CallerAgency.AnyAgency, CancellationToken.None);
            Assert.Equal(pending.Contact, stored!.Contact);
            Assert.Equal(pending.ReceivedAt, stored.Receipt.ReceivedAt);
            var received = Assert.Single(await database.OutboxAsync<ContactReceived>(receipt.ContactId.ToString(), e => e.ContactId));
            Assert.Equal(pending.SubjectRefs, received.SubjectRefs);
        }
    }

    [Fact]
    public async Task The_same_request_id_twice_in_one_batch_is_one_contact_with_one_event()
    {
        var request = TestContacts.Request();
        var first = Pending(request);
        var again = Pending(request);

        var receipts = await Writer.WriteAsync([first, again]);

        Assert.Equal(receipts[0], receipts[1]);
        Assert.Equal(first.ContactId, receipts[0].ContactId);
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM contacts WHERE request_id = $1", request.RequestId));
        Assert.Single(await database.OutboxAsync<ContactReceived>(first.ContactId.ToString(), e => e.ContactId));
        Assert.Empty(await database.OutboxAsync<ContactReceived>(again.ContactId.ToString(), e => e.ContactId));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(ContactCopy.Threshold)]
    public async Task A_retry_in_a_later_batch_gets_the_stored_receipt_beside_new_contacts(int others)
    {
        var request = TestContacts.Request();
        var stored = (await Writer.WriteAsync([Pending(request)]))[0];
        var retry = Pending(request);
        var rest = Enumerable.Range(0, others).Select(_ => Pending(AnotherAgencys())).ToList();

        var receipts = await Writer.WriteAsync([retry, .. rest]);

        Assert.Equal(stored, receipts[0]);
        Assert.Equal(rest.Select(p => p.ContactId), receipts.Skip(1).Select(r => r.ContactId));
        Assert.Empty(await database.OutboxAsync<ContactReceived>(retry.ContactId.ToString(), e => e.ContactId));
        Assert.Equal(others, await database.CountAsync("SELECT count(*) FROM contacts WHERE id = ANY($1)", rest.Select(p => p.ContactId).ToArray()));
    }

    [Fact]
    public async Task A_copied_batch_records_what_each_contact_repeats_and_its_subjects()
    {
        var earlier = TestContacts.Request();
        var stored = (await Writer.WriteAsync([Pending(earlier)]))[0];
        var repeat = earlier.Clone();
        repeat.RequestId = $"repeat-{Guid.NewGuid():N}";
        var batch = Enumerable.Range(0, ContactCopy.Threshold).Select(_ => Pending(AnotherAgencys())).Append(Pending(repeat)).ToList();

        var receipts = await Writer.WriteAsync(batch);

        var found = await intake.FindAsync(receipts[^1].ContactId, CallerAgency.AnyAgency, CancellationToken.None);
        Assert.Contains(stored.ContactId, found!.Receipt.Repeats.ContactIds);
        Assert.Equal(batch[^1].SubjectRefs.Distinct().Count(),
            await database.CountAsync("SELECT count(*) FROM contact_subjects WHERE contact_id = $1", batch[^1].ContactId));
    }

    [Fact]
    public async Task A_request_id_is_its_agencys_own_even_where_agency_and_request_id_run_together_alike()
    {
        // The request key joins the two: (x + "ab", "c") and (x + "a", "bc") must stay two keys.
        var agency = $"batch-writer-tests-{Guid.NewGuid():N}-a";
        var first = Pending(FromAgency(agency + "b", "c"));
        var second = Pending(FromAgency(agency, "bc"));

        var receipts = await Writer.WriteAsync([first, second]);
        var again = await Writer.WriteAsync([Pending(FromAgency(agency, "bc"))]);

        Assert.Equal([first.ContactId, second.ContactId], receipts.Select(r => r.ContactId));
        Assert.Equal(receipts[1], again[0]);
    }

    // Our insert (below ContactCopy.Threshold) or copy (from it) conflicts with theirs.
    [Theory]
    [InlineData(1)]
    [InlineData(ContactCopy.Threshold)]
    public async Task A_request_id_a_concurrent_transaction_stores_first_is_answered_with_that_contact(int others)
    {
        var request = TestContacts.Request();
        var theirs = Pending(request);
        var ours = Pending(request);
        var rest = Enumerable.Range(0, others).Select(_ => Pending(AnotherAgencys())).ToList();
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var concurrent = await connection.BeginTransactionAsync();
        var theirReceipt = new ContactReceipt(theirs.ContactId, theirs.ReceivedAt, ContactStatus.Received);
        await using (var insert = new NpgsqlBatch(connection, concurrent) { BatchCommands = { ContactStore.AddCommand([theirs], [new StoredContact(theirReceipt, theirs.Contact)], skipStored: false) } })
        {
            Assert.Equal(1, await insert.ExecuteNonQueryAsync());
        }

        // Ours waits on theirs (the request key's constraint), fails on it once theirs commits, then
        // looks the stored receipts up and writes the rest of the batch again.
        var writing = Writer.WriteAsync([ours, .. rest]);
        await concurrent.CommitAsync();
        var receipts = await writing;

        Assert.Equal(theirReceipt, receipts[0]);
        Assert.Equal(rest.Select(p => p.ContactId), receipts.Skip(1).Select(r => r.ContactId));
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM contacts WHERE request_id = $1", request.RequestId));
        Assert.Equal(others, await database.CountAsync("SELECT count(*) FROM contacts WHERE id = ANY($1)", rest.Select(p => p.ContactId).ToArray()));
        Assert.Single(await database.OutboxAsync<ContactReceived>(rest[0].ContactId.ToString(), e => e.ContactId));
    }

    // Many contacts at once, from an agency of their own: they would crowd the test agency's listings in other tests.
    private static SubmitContactRequest AnotherAgencys() => FromAgency("batch-writer-tests", $"batch-{Guid.NewGuid():N}");

    private static SubmitContactRequest FromAgency(string agencyId, string requestId)
    {
        var request = TestContacts.Request();
        request.Contact.Agency.OrganisationId = agencyId;
        request.RequestId = requestId;
        return request;
    }

    private PendingContact Pending(SubmitContactRequest request)
    {
        intake.Time.Now = intake.Time.Now.AddMilliseconds(1);
        var receivedAt = intake.Time.Now.AddTicks(-(intake.Time.Now.UtcTicks % 10));
        var contactId = Guid.CreateVersion7(receivedAt);
        return new(request.RequestId, request.Contact, contactId, receivedAt, intake.Pseudonyms.RefsFor(request.Contact, contactId));
    }
}
