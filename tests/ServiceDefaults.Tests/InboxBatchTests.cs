using Mash.ServiceDefaults.Tests.Infrastructure;
using Npgsql;

namespace Mash.ServiceDefaults.Tests;

/// <summary>The inbox for batch consumers: a batch's event ids recorded in one statement, each event applied once.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class InboxBatchTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private NpgsqlDataSource dataSource = null!;

    public async Task InitializeAsync()
    {
        // A database of its own per test, with the inbox's table and one for the effects.
        dataSource = NpgsqlDataSource.Create(infrastructure.Postgres.ConnectionString(await infrastructure.Postgres.CreateDatabaseAsync("inbox")));
        await using var command = dataSource.CreateCommand(EventInbox.Migration.Sql + "CREATE TABLE applied (n bigserial PRIMARY KEY, event_id text NOT NULL);");
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync() => await dataSource.DisposeAsync();

    [Fact]
    public async Task Only_ids_not_seen_before_are_new_and_an_id_twice_in_a_batch_is_new_once()
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await EventInbox.RecordNewAsync(transaction, "TestConsumer", ["e1", "e2"]);

        var recorded = await EventInbox.RecordNewAsync(transaction, "TestConsumer", ["e2", "e3", "e3", "e4", "e1"]);

        Assert.Equal(["e3", "e4"], recorded.Order());
    }

    [Fact]
    public async Task A_batch_with_an_event_twice_applies_it_once_at_its_first_place()
    {
        var applied = await ApplyAsync("TestConsumer", "e1", "e2", "e1", "e3", "e2");

        Assert.Equal(["e1", "e2", "e3"], applied);
        Assert.Equal(["e1", "e2", "e3"], await AppliedAsync());
    }

    [Fact]
    public async Task A_redelivered_batch_changes_nothing()
    {
        await ApplyAsync("TestConsumer", "e1", "e2");

        var applied = await ApplyAsync("TestConsumer", "e1", "e2");

        Assert.Empty(applied);
        Assert.Equal(["e1", "e2"], await AppliedAsync());
    }

    [Fact]
    public async Task A_batch_partly_seen_before_applies_only_the_new_events_in_their_order()
    {
        await ApplyAsync("TestConsumer", "e2");

        var applied = await ApplyAsync("TestConsumer", "e3", "e2", "e1");

        Assert.Equal(["e3", "e1"], applied);
        Assert.Equal(["e2", "e3", "e1"], await AppliedAsync());
    }

    [Fact]
    public async Task Each_consumer_applies_the_same_batch_for_itself()
    {
        await ApplyAsync("FirstConsumer", "e1", "e2");

        var applied = await ApplyAsync("SecondConsumer", "e1", "e2");

        Assert.Equal(["e1", "e2"], applied);
    }

    [Fact]
    public async Task A_failed_effect_leaves_the_whole_batch_unrecorded_so_a_retry_applies_it()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => EventInbox.ApplyNewAsync(dataSource, "TestConsumer", EventInbox.RowsOfOne(["e1", "e2"]), id => id,
            async (transaction, fresh) =>
            {
                await InsertAsync(transaction, fresh);
                throw new InvalidOperationException("boom");
            }, CancellationToken.None));

        var applied = await ApplyAsync("TestConsumer", "e1", "e2");

        Assert.Equal(["e1", "e2"], applied);
        Assert.Equal(["e1", "e2"], await AppliedAsync());
    }

    [Fact]
    public async Task A_batch_of_nothing_new_runs_no_effect()
    {
        await ApplyAsync("TestConsumer", "e1");
        var ran = false;

        await EventInbox.ApplyNewAsync(dataSource, "TestConsumer", EventInbox.RowsOfOne(["e1", "e1"]), id => id, (_, _) => { ran = true; return Task.CompletedTask; }, CancellationToken.None);

        Assert.False(ran);
    }

    [Fact]
    public async Task A_row_is_applied_whole_and_recorded_once_under_its_first_event()
    {
        var applied = await EventInbox.ApplyNewAsync(dataSource, "TestConsumer", [["e1", "e2", "e3"], ["e4"]], id => id, InsertAsync, CancellationToken.None);

        Assert.Equal(["e1", "e2", "e3", "e4"], applied);
        Assert.Equal(["e1", "e4"], await RecordedAsync("TestConsumer"));
    }

    [Fact]
    public async Task A_row_delivered_again_changes_nothing()
    {
        await EventInbox.ApplyNewAsync(dataSource, "TestConsumer", [["e1", "e2", "e3"]], id => id, InsertAsync, CancellationToken.None);

        var again = await EventInbox.ApplyNewAsync(dataSource, "TestConsumer", [["e5"], ["e1", "e2", "e3"]], id => id, InsertAsync, CancellationToken.None);

        Assert.Equal(["e5"], again);
        Assert.Equal(["e1", "e2", "e3", "e5"], await AppliedAsync());
    }

    [Fact]
    public async Task A_row_whose_first_event_was_applied_alone_is_not_applied_again()
    {
        await ApplyAsync("TestConsumer", "e1", "e2");

        var again = await EventInbox.ApplyNewAsync(dataSource, "TestConsumer", [["e1", "e2"]], id => id, InsertAsync, CancellationToken.None);

        Assert.Empty(again);
    }

    private Task<IReadOnlyList<string>> ApplyAsync(string consumer, params string[] eventIds) =>
        EventInbox.ApplyNewAsync(dataSource, consumer, EventInbox.RowsOfOne(eventIds), id => id, InsertAsync, CancellationToken.None);

    private async Task<IReadOnlyList<string>> RecordedAsync(string consumer)
    {
        await using var command = dataSource.CreateCommand("SELECT event_id FROM processed_events WHERE consumer = $1 ORDER BY event_id");
        command.Parameters.Add(new() { Value = consumer });
        await using var reader = await command.ExecuteReaderAsync();
        var recorded = new List<string>();
        while (await reader.ReadAsync())
        {
            recorded.Add(reader.GetString(0));
        }
        return recorded;
    }

    private static async Task InsertAsync(NpgsqlTransaction transaction, IReadOnlyList<string> eventIds)
    {
        await using var command = new NpgsqlCommand("INSERT INTO applied (event_id) SELECT unnest($1::text[])", transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = eventIds.ToArray() });
        await command.ExecuteNonQueryAsync();
    }

    private async Task<List<string>> AppliedAsync()
    {
        await using var command = dataSource.CreateCommand("SELECT event_id FROM applied ORDER BY n");
        await using var reader = await command.ExecuteReaderAsync();
        var applied = new List<string>();
        while (await reader.ReadAsync())
        {
            applied.Add(reader.GetString(0));
        }
        return applied;
    }
}
