using Mash.ServiceDefaults.Tests.Infrastructure;
using Npgsql;

namespace Mash.ServiceDefaults.Tests;

[Collection(InfrastructureCollection.Name)]
public sealed class EventInboxTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private NpgsqlDataSource dataSource = null!;

    public async Task InitializeAsync()
    {
        // A database of its own per test, with only the inbox's table.
        dataSource = NpgsqlDataSource.Create(infrastructure.Postgres.ConnectionString(await infrastructure.Postgres.CreateDatabaseAsync("inbox")));
        await using var command = dataSource.CreateCommand(EventInbox.Migration.Sql);
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync() => await dataSource.DisposeAsync();

    [Fact]
    public async Task A_redelivered_event_is_applied_once()
    {
        var applied = 0;
        for (var delivery = 0; delivery < 2; delivery++)
        {
            await EventInbox.ApplyOnceAsync(dataSource, "TestConsumer", "event-1", _ => { applied++; return Task.CompletedTask; }, CancellationToken.None);
        }
        Assert.Equal(1, applied);
    }

    [Fact]
    public async Task Each_consumer_applies_the_same_event_for_itself()
    {
        var applied = 0;
        await EventInbox.ApplyOnceAsync(dataSource, "FirstConsumer", "event-1", _ => { applied++; return Task.CompletedTask; }, CancellationToken.None);
        await EventInbox.ApplyOnceAsync(dataSource, "SecondConsumer", "event-1", _ => { applied++; return Task.CompletedTask; }, CancellationToken.None);
        Assert.Equal(2, applied);
    }

    [Fact]
    public async Task A_failed_effect_leaves_the_event_unrecorded_so_a_retry_applies_it()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            EventInbox.ApplyOnceAsync(dataSource, "TestConsumer", "event-1", _ => throw new InvalidOperationException("boom"), CancellationToken.None));
        var applied = false;
        await EventInbox.ApplyOnceAsync(dataSource, "TestConsumer", "event-1", _ => { applied = true; return Task.CompletedTask; }, CancellationToken.None);
        Assert.True(applied);
    }
}
