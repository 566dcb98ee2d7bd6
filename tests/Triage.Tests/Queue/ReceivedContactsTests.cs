using Mash.Triage.Grpc;
using Mash.Triage.Risk;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Triage.V1;
using Mash.Testing.Messaging;
using Mash.Triage.Consumers;
using Mash.Triage.Tests.Infrastructure;

namespace Mash.Triage.Tests.Queue;

[Collection(TriageDatabaseCollection.Name)]
public class ReceivedContactsTests(TriageDatabase database)
{
    private readonly TriageUnderTest triage = new(database);

    [Fact]
    public async Task A_received_contact_joins_the_queue()
    {
        var received = await triage.ReceiveAsync();

        var item = await QueueItemAsync(received.ContactId);
        Assert.NotNull(item);
        Assert.Equal(received.OccurredAt, item.ReceivedAt);
        Assert.Equal(["domestic-abuse", "neglect"], item.PresentingIssues);
    }

    [Fact]
    public async Task A_redelivered_event_changes_nothing()
    {
        var received = await triage.ReceiveAsync();

        await triage.Contacts.ReceiveAsync([received], CancellationToken.None);

        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM queue_items WHERE contact_id = $1", received.ContactId));
    }

    [Fact]
    public async Task The_same_contact_announced_again_under_a_new_event_id_keeps_its_first_entry()
    {
        var received = await triage.ReceiveAsync(minutesAgo: 30);
        var again = TriageUnderTest.Received(received.ContactId, triage.Time.Now);

        await triage.Contacts.ReceiveAsync([again], CancellationToken.None);

        Assert.Equal(received.OccurredAt, (await QueueItemAsync(received.ContactId))!.ReceivedAt);
    }

    [Fact]
    public async Task A_batch_queues_each_contact_with_its_own_presenting_issues()
    {
        var first = NewReceived(minutesAgo: 12);
        var second = NewReceived(minutesAgo: 11);
        second.PresentingIssues.Clear();
        var third = NewReceived(minutesAgo: 10);
        third.PresentingIssues.Add("mental-health");

        await new ContactReceivedConsumer(triage.Contacts).Consume(DeliveredBatch.Of(first, second, third));

        Assert.Equal(["domestic-abuse", "neglect"], (await QueueItemAsync(first.ContactId))!.PresentingIssues);
        Assert.Empty((await QueueItemAsync(second.ContactId))!.PresentingIssues);
        Assert.Equal(["domestic-abuse", "neglect", "mental-health"], (await QueueItemAsync(third.ContactId))!.PresentingIssues);
        Assert.Equal(third.OccurredAt, (await QueueItemAsync(third.ContactId))!.ReceivedAt);
    }

    [Fact]
    public async Task An_event_twice_in_one_batch_is_applied_once()
    {
        var received = NewReceived();
        var other = NewReceived();

        await triage.Contacts.ReceiveAsync([received, other, received.Clone()], CancellationToken.None);

        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM queue_items WHERE contact_id = $1", received.ContactId));
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM queue_items WHERE contact_id = $1", other.ContactId));
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM processed_events WHERE event_id = $1", received.EventId));
    }

    [Fact]
    public async Task A_redelivered_batch_changes_nothing()
    {
        List<ContactReceived> batch = [NewReceived(minutesAgo: 20), NewReceived(minutesAgo: 15)];
        await triage.Contacts.ReceiveAsync(batch, CancellationToken.None);

        await triage.Contacts.ReceiveAsync(batch, CancellationToken.None);

        foreach (var received in batch)
        {
            Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM queue_items WHERE contact_id = $1", received.ContactId));
            Assert.Equal(received.OccurredAt, (await QueueItemAsync(received.ContactId))!.ReceivedAt);
        }
    }

    [Fact]
    public async Task A_contact_announced_twice_in_one_batch_keeps_the_entry_that_arrived_first_whatever_its_time()
    {
        var contactId = Guid.NewGuid().ToString();
        var first = TriageUnderTest.Received(contactId, triage.Time.Now.AddMinutes(-5));
        var earlierButLater = TriageUnderTest.Received(contactId, triage.Time.Now.AddMinutes(-50));

        await triage.Contacts.ReceiveAsync([first, earlierButLater], CancellationToken.None);

        Assert.Equal(first.OccurredAt, (await QueueItemAsync(contactId))!.ReceivedAt);
    }

    private ContactReceived NewReceived(int minutesAgo = 10) =>
        TriageUnderTest.Received(Guid.NewGuid().ToString(), triage.Time.Now.AddMinutes(-minutesAgo));

    private async Task<QueueItem?> QueueItemAsync(string contactId) =>
        await triage.Queue.FindAsync(contactId, CancellationToken.None) is { } entry ? QueueItems.ToQueueItem(entry, triage.Get<RagScheme>()) : null;
}
