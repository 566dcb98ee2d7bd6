using Mash.Contracts.Intake.V1;
using Mash.Intake.Tests.Infrastructure;

namespace Mash.Intake.Tests.Progress;

/// <summary>Triage's and Outcomes' events move a contact forward, once each, in any order, never back.</summary>
[Collection(IntakeDatabaseCollection.Name)]
public sealed class ContactProgressConsumersTests(IntakeDatabase database)
{
    private readonly IntakeUnderTest intake = new(database);
    private readonly ProgressEvents events = new(database.DataSource);

    private async Task<string> SubmitAsync() =>
        (await intake.Service.SubmitContact(TestContacts.Request(), TestCallers.Agency())).ContactId;

    private async Task<ContactRecord> GetAsync(string contactId) =>
        await intake.Service.GetContact(new GetContactRequest { ContactId = contactId }, TestCallers.Agency());

    private Task<long> ProcessedAsync(string consumer) =>
        database.CountAsync("SELECT count(*) FROM processed_events WHERE consumer = $1", consumer);

    [Fact]
    public async Task A_rating_puts_the_contact_in_triage()
    {
        var contactId = await SubmitAsync();

        await events.ConsumeAsync(ProgressEvents.Rated(contactId));

        Assert.Equal(ContactStatus.InTriage, (await GetAsync(contactId)).Status);
    }

    [Fact]
    public async Task A_decision_makes_the_contact_decided()
    {
        var contactId = await SubmitAsync();
        await events.ConsumeAsync(ProgressEvents.Rated(contactId));

        await events.ConsumeAsync(ProgressEvents.Decided(contactId));

        Assert.Equal(ContactStatus.Decided, (await GetAsync(contactId)).Status);
    }

    [Fact]
    public async Task Fed_back_outcome_closes_the_contact_and_GetContact_shows_the_outcome()
    {
        var contactId = await SubmitAsync();
        await events.ConsumeAsync(ProgressEvents.Decided(contactId));

        await events.ConsumeAsync(ProgressEvents.FedBack(contactId, "strategy-discussion"));

        var record = await GetAsync(contactId);
        Assert.Equal((ContactStatus.Closed, "strategy-discussion"), (record.Status, record.Outcome));
    }

    [Fact]
    public async Task A_correction_replaces_a_closed_contacts_outcome_and_an_older_revision_arriving_late_does_not()
    {
        var contactId = await SubmitAsync();
        await events.ConsumeAsync(ProgressEvents.FedBack(contactId, "strategy-discussion", revision: 1));

        await events.ConsumeAsync(ProgressEvents.FedBack(contactId, "early-help", revision: 2));
        var corrected = await GetAsync(contactId);
        await events.ConsumeAsync(ProgressEvents.FedBack(contactId, "advice", revision: 1));
        // Fed back before events carried a revision: the first.
        await events.ConsumeAsync(ProgressEvents.FedBack(contactId, "nfa"));

        Assert.Equal((ContactStatus.Closed, "early-help"), (corrected.Status, corrected.Outcome));
        Assert.Equal("early-help", (await GetAsync(contactId)).Outcome);
    }

    [Fact]
    public async Task One_batch_with_a_contacts_outcome_and_its_corrections_in_and_out_of_order_ends_at_the_latest_revision()
    {
        var contactId = await SubmitAsync();

        await events.ConsumeAsync(ProgressEvents.FedBack(contactId, "advice", revision: 2), ProgressEvents.FedBack(contactId, "strategy-discussion", revision: 1),
            ProgressEvents.FedBack(contactId, "early-help", revision: 3), ProgressEvents.FedBack(contactId, "nfa", revision: 2));

        var record = await GetAsync(contactId);
        Assert.Equal((ContactStatus.Closed, "early-help"), (record.Status, record.Outcome));
    }

    [Fact]
    public async Task A_batch_mixing_known_unknown_and_malformed_contacts_moves_the_known_and_applies_every_event_once()
    {
        var first = await SubmitAsync();
        var second = await SubmitAsync();
        var before = await ProcessedAsync("ContactRatedProgressConsumer");

        await events.ConsumeAsync(ProgressEvents.Rated(second), ProgressEvents.Rated(Guid.NewGuid().ToString()), ProgressEvents.Rated("not-a-uuid"), ProgressEvents.Rated(first));

        Assert.Equal((ContactStatus.InTriage, ContactStatus.InTriage), ((await GetAsync(first)).Status, (await GetAsync(second)).Status));
        Assert.Equal(before + 4, await ProcessedAsync("ContactRatedProgressConsumer"));
    }

    [Fact]
    public async Task An_open_contact_has_no_outcome()
    {
        var contactId = await SubmitAsync();
        await events.ConsumeAsync(ProgressEvents.Decided(contactId));

        Assert.Equal("", (await GetAsync(contactId)).Outcome);
    }

    [Fact]
    public async Task ListContacts_shows_the_status_the_events_reached()
    {
        var contactId = await SubmitAsync();
        await events.ConsumeAsync(ProgressEvents.FedBack(contactId));

        var listed = await intake.Service.ListContacts(new ListContactsRequest { PageSize = 500 }, TestCallers.Agency());

        Assert.Equal(ContactStatus.Closed, Assert.Single(listed.Contacts, c => c.ContactId == contactId).Status);
    }

    [Fact]
    public async Task Batches_about_the_same_contacts_in_opposite_orders_apply_at_once_without_deadlock()
    {
        for (var round = 0; round < 3; round++)
        {
            var contactIds = new List<string>();
            for (var i = 0; i < 40; i++)
            {
                contactIds.Add(await SubmitAsync());
            }

            await Task.WhenAll(
                Task.Run(() => events.ConsumeAsync([.. contactIds.Select(ProgressEvents.Rated)])),
                Task.Run(() => events.ConsumeAsync([.. Enumerable.Reverse(contactIds).Select(c => ProgressEvents.Decided(c))])),
                Task.Run(() => events.ConsumeAsync([.. Enumerable.Reverse(contactIds).Select(c => ProgressEvents.FedBack(c))])));

            foreach (var contactId in contactIds)
            {
                Assert.Equal(ContactStatus.Closed, (await GetAsync(contactId)).Status);
            }
        }
    }

    [Fact]
    public async Task Each_consumer_applies_a_redelivered_event_once()
    {
        var contactId = await SubmitAsync();
        var rated = ProgressEvents.Rated(contactId);
        var decided = ProgressEvents.Decided(contactId);
        var fedBack = ProgressEvents.FedBack(contactId);
        var before = (await ProcessedAsync("ContactRatedProgressConsumer"), await ProcessedAsync("DecisionRecordedProgressConsumer"), await ProcessedAsync("ContactOutcomeFedBackConsumer"));

        await events.ConsumeAsync(rated);
        await events.ConsumeAsync(rated);
        await events.ConsumeAsync(decided);
        await events.ConsumeAsync(decided);
        await events.ConsumeAsync(fedBack);
        await events.ConsumeAsync(fedBack);

        var after = (await ProcessedAsync("ContactRatedProgressConsumer"), await ProcessedAsync("DecisionRecordedProgressConsumer"), await ProcessedAsync("ContactOutcomeFedBackConsumer"));
        Assert.Equal((before.Item1 + 1, before.Item2 + 1, before.Item3 + 1), after);
        Assert.Equal(ContactStatus.Closed, (await GetAsync(contactId)).Status);
    }

    [Fact]
    public async Task A_late_rating_does_not_move_a_decided_contact_back()
    {
        var contactId = await SubmitAsync();
        await events.ConsumeAsync(ProgressEvents.Decided(contactId));

        await events.ConsumeAsync(ProgressEvents.Rated(contactId));

        Assert.Equal(ContactStatus.Decided, (await GetAsync(contactId)).Status);
    }

    [Fact]
    public async Task Late_ratings_and_decisions_do_not_reopen_a_closed_contact_or_lose_its_outcome()
    {
        var contactId = await SubmitAsync();
        await events.ConsumeAsync(ProgressEvents.FedBack(contactId, "advice"));

        await events.ConsumeAsync(ProgressEvents.Decided(contactId));
        await events.ConsumeAsync(ProgressEvents.Rated(contactId));

        var record = await GetAsync(contactId);
        Assert.Equal((ContactStatus.Closed, "advice"), (record.Status, record.Outcome));
    }

    [Fact]
    public async Task An_event_for_an_unknown_contact_changes_nothing()
    {
        await events.ConsumeAsync(ProgressEvents.Rated(Guid.NewGuid().ToString()));
        await events.ConsumeAsync(ProgressEvents.FedBack("not-a-uuid"));
    }
}
