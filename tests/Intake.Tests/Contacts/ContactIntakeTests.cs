using Mash.Contracts.Events.V1;
using Mash.Contracts.Intake.V1;
using Mash.Intake.Contacts;
using Mash.Intake.Tests.Infrastructure;
using Mash.Testing.Servers;
using Npgsql;

namespace Mash.Intake.Tests.Contacts;

[Collection(IntakeDatabaseCollection.Name)]
public sealed class ContactIntakeTests(IntakeDatabase database)
{
    private readonly IntakeUnderTest intake = new(database);

    [Fact]
    public async Task A_contact_is_stored_as_received_at_the_clocks_time()
    {
        var request = TestContacts.Request();

        var receipt = await intake.Intake.SubmitAsync(request.RequestId, request.Contact, CancellationToken.None);

        Assert.Equal(ContactStatus.Received, receipt.Status);
        // PostgreSQL keeps microseconds, so the receipt does too.
        Assert.Equal(intake.Time.Now.AddTicks(-7), receipt.ReceivedAt);
        var stored = await intake.FindAsync(receipt.ContactId, CallerAgency.AnyAgency, CancellationToken.None);
        Assert.Equal(receipt, stored!.Receipt);
        Assert.Equal(request.Contact, stored.Contact);
    }

    [Fact]
    public async Task Its_ContactReceived_event_is_in_the_outbox()
    {
        var request = TestContacts.Request();

        var receipt = await intake.Intake.SubmitAsync(request.RequestId, request.Contact, CancellationToken.None);

        var received = Assert.Single(await OutboxEventsForAsync(receipt.ContactId));
        Assert.Equal(intake.Pseudonyms.RefsFor(request.Contact, receipt.ContactId), received.SubjectRefs);
        Assert.Equal(receipt.ReceivedAt, received.RecordedAt.ToDateTimeOffset());
    }

    [Fact]
    public async Task A_retry_returns_the_first_receipt_and_stores_nothing_more()
    {
        var request = TestContacts.Request();
        var first = await intake.Intake.SubmitAsync(request.RequestId, request.Contact, CancellationToken.None);
        intake.Time.Now = intake.Time.Now.AddMinutes(5);

        var retry = await intake.Intake.SubmitAsync(request.RequestId, request.Contact, CancellationToken.None);

        Assert.Equal(first, retry);
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM contacts WHERE request_id = $1", request.RequestId));
        Assert.Single(await OutboxEventsForAsync(first.ContactId));
    }

    [Fact]
    public async Task Two_agencies_choosing_the_same_request_id_each_get_their_own_contact()
    {
        var police = TestContacts.Request();
        var school = police.Clone();
        school.Contact.Agency.OrganisationId = "st-marys-school";

        var first = await intake.Intake.SubmitAsync(police.RequestId, police.Contact, CancellationToken.None);
        var second = await intake.Intake.SubmitAsync(school.RequestId, school.Contact, CancellationToken.None);

        Assert.NotEqual(first.ContactId, second.ContactId);
        Assert.NotNull(await intake.FindAsync(second.ContactId, new CallerAgency("st-marys-school"), CancellationToken.None));
    }

    [Fact]
    public async Task Retries_at_the_same_moment_store_one_contact()
    {
        var request = TestContacts.Request();

        var receipts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => intake.Intake.SubmitAsync(request.RequestId, request.Contact, CancellationToken.None)));

        Assert.Single(receipts.Distinct());
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM contacts WHERE request_id = $1", request.RequestId));
        Assert.Single(await OutboxEventsForAsync(receipts[0].ContactId));
    }

    [Fact]
    public async Task The_stored_row_carries_the_agency_and_subject_refs_it_is_looked_up_by()
    {
        var request = TestContacts.Request();

        var receipt = await intake.Intake.SubmitAsync(request.RequestId, request.Contact, CancellationToken.None);

        var subjectRef = intake.Pseudonyms.RefsFor(request.Contact, receipt.ContactId)[0];
        Assert.Equal(1, await database.CountAsync(
            "SELECT count(*) FROM contacts JOIN contact_subjects ON contact_id = id WHERE id = $1 AND agency_id = 'police-west' AND status = 'received' AND subject_ref = decode($2, 'hex')",
            receipt.ContactId, subjectRef));
    }

    [Fact]
    public async Task An_agency_sees_its_own_contacts_and_no_one_elses()
    {
        var request = TestContacts.Request();
        var receipt = await intake.Intake.SubmitAsync(request.RequestId, request.Contact, CancellationToken.None);

        Assert.NotNull(await intake.FindAsync(receipt.ContactId, new CallerAgency("police-west"), CancellationToken.None));
        Assert.Null(await intake.FindAsync(receipt.ContactId, new CallerAgency("st-marys-school"), CancellationToken.None));
    }

    [Fact]
    public async Task An_unknown_contact_is_not_found() =>
        Assert.Null(await intake.FindAsync(Guid.NewGuid(), CallerAgency.AnyAgency, CancellationToken.None));

    private async Task<List<ContactReceived>> OutboxEventsForAsync(Guid contactId)
    {
        await using var command = database.DataSource.CreateCommand(ServiceDatabase.OutboxEventsSql + " ORDER BY o.id, b.n");
        await using var reader = await command.ExecuteReaderAsync();
        var events = new List<ContactReceived>();
        while (await reader.ReadAsync())
        {
            Assert.StartsWith(typeof(ContactReceived).FullName!, reader.GetString(0), StringComparison.Ordinal);
            events.Add(ContactReceived.Parser.ParseFrom(reader.GetFieldValue<byte[]>(1)));
        }
        return events.FindAll(e => e.ContactId == contactId.ToString());
    }
}
