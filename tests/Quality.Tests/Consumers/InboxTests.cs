using Mash.Quality.Consumers;
using Mash.Quality.Tests.Infrastructure;

namespace Mash.Quality.Tests.Consumers;

[Collection(QualityDatabaseCollection.Name)]
public sealed class InboxTests(QualityDatabase database)
{
    [Fact]
    public void An_event_is_known_by_its_own_id_else_by_its_bus_message_id()
    {
        var messageId = Guid.NewGuid();
        Assert.Equal("event-1", Inbox.IdOf("event-1", messageId));
        Assert.Equal(messageId.ToString(), Inbox.IdOf("", messageId));
    }

    [Fact]
    public void An_event_without_occurred_at_is_refused() =>
        Assert.Throws<InvalidOperationException>(() => Inbox.OccurredAt(null));

    [Fact]
    public async Task A_redelivered_event_is_applied_once()
    {
        var dataSource = await database.CreateDatabaseAsync();
        var applied = 0;
        for (var delivery = 0; delivery < 2; delivery++)
        {
            await Inbox.ApplyOnceAsync(dataSource, "TestConsumer", "event-1", _ => { applied++; return Task.CompletedTask; }, CancellationToken.None);
        }
        Assert.Equal(1, applied);
    }
}
