using Mash.Contracts.Triage.V1;
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

        await triage.Contacts.ReceiveAsync(received, CancellationToken.None);

        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM queue_items WHERE contact_id = $1", received.ContactId));
    }

    [Fact]
    public async Task The_same_contact_announced_again_under_a_new_event_id_keeps_its_first_entry()
    {
        var received = await triage.ReceiveAsync(minutesAgo: 30);
        var again = TriageUnderTest.Received(received.ContactId, triage.Time.Now);

        await triage.Contacts.ReceiveAsync(again, CancellationToken.None);

        Assert.Equal(received.OccurredAt, (await QueueItemAsync(received.ContactId))!.ReceivedAt);
    }

    private async Task<QueueItem?> QueueItemAsync(string contactId) =>
        (await triage.Service.ListQueue(new ListQueueRequest { PageSize = 500 }, new TestCallContext())).Items.SingleOrDefault(i => i.ContactId == contactId);
}
