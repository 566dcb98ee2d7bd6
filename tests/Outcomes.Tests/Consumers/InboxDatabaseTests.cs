using Mash.Outcomes.Consumers;
using Mash.Outcomes.Tests.Infrastructure;

namespace Mash.Outcomes.Tests.Consumers;

[Collection(OutcomesDatabaseCollection.Name)]
public sealed class InboxDatabaseTests(OutcomesDatabase database)
{
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

    [Fact]
    public async Task Each_consumer_applies_the_same_event_for_itself()
    {
        var dataSource = await database.CreateDatabaseAsync();
        var applied = 0;
        await Inbox.ApplyOnceAsync(dataSource, "FirstConsumer", "event-1", _ => { applied++; return Task.CompletedTask; }, CancellationToken.None);
        await Inbox.ApplyOnceAsync(dataSource, "SecondConsumer", "event-1", _ => { applied++; return Task.CompletedTask; }, CancellationToken.None);
        Assert.Equal(2, applied);
    }

    [Fact]
    public async Task A_failed_effect_leaves_the_event_unrecorded_so_a_retry_applies_it()
    {
        var dataSource = await database.CreateDatabaseAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Inbox.ApplyOnceAsync(dataSource, "TestConsumer", "event-1", _ => throw new InvalidOperationException("boom"), CancellationToken.None));
        var applied = false;
        await Inbox.ApplyOnceAsync(dataSource, "TestConsumer", "event-1", _ => { applied = true; return Task.CompletedTask; }, CancellationToken.None);
        Assert.True(applied);
    }
}
