using Mash.ServiceDefaults.Tests.Infrastructure;
using Npgsql;

namespace Mash.ServiceDefaults.Tests;

/// <summary>How the outbox dispatcher takes a batch: the oldest rows, gone only if its transaction commits.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class OutboxBatchTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private const int Backlog = 5_000;
    private NpgsqlDataSource dataSource = null!;

    public async Task InitializeAsync()
    {
        dataSource = NpgsqlDataSource.Create(infrastructure.Postgres.ConnectionString(await infrastructure.Postgres.CreateDatabaseAsync("outbox")));
        foreach (var migration in EventOutbox.Migrations)
        {
            await ExecuteAsync(migration.Sql);
        }
        await ExecuteAsync($"INSERT INTO outbox_messages (message_type, body) SELECT 'test.Event', int4send(g) FROM generate_series(1, {Backlog}) g; ANALYZE outbox_messages");
    }

    public async Task DisposeAsync() => await dataSource.DisposeAsync();

    [Fact]
    public async Task A_batch_is_the_oldest_rows_and_a_rollback_puts_them_back()
    {
        await using (var connection = await dataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            var taken = await TakeAsync(connection, transaction);

            Assert.Equal(Enumerable.Range(1, OutboxDispatcher.BatchSize), taken);
            await transaction.RollbackAsync();
        }

        Assert.Equal(Backlog, await CountAsync());
    }

    [Fact]
    public async Task Two_dispatchers_take_different_rows_and_a_commit_removes_them()
    {
        await using var first = await dataSource.OpenConnectionAsync();
        await using var second = await dataSource.OpenConnectionAsync();
        await using var firstTransaction = await first.BeginTransactionAsync();
        await using var secondTransaction = await second.BeginTransactionAsync();

        var firstBatch = await TakeAsync(first, firstTransaction);
        var secondBatch = await TakeAsync(second, secondTransaction);
        await firstTransaction.CommitAsync();
        await secondTransaction.CommitAsync();

        Assert.Empty(firstBatch.Intersect(secondBatch));
        Assert.Equal(Enumerable.Range(OutboxDispatcher.BatchSize + 1, OutboxDispatcher.BatchSize), secondBatch);
        Assert.Equal(Backlog - (2 * OutboxDispatcher.BatchSize), await CountAsync());
    }

    [Fact]
    public async Task A_batch_starts_after_the_position_it_is_given()
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        var taken = await TakeAsync(connection, transaction, after: 1_000);

        Assert.Equal(Enumerable.Range(1_001, OutboxDispatcher.BatchSize), taken);
        await transaction.RollbackAsync();
    }

    [Fact]
    public async Task Even_a_generic_plan_reads_only_the_batch_not_the_backlog()
    {
        // A prepared statement may run on a generic plan; the locking scan must still stop at the batch.
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var generic = new NpgsqlCommand("SET LOCAL plan_cache_mode = force_generic_plan", connection, transaction))
        {
            await generic.ExecuteNonQueryAsync();
        }
        await using var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, FORMAT JSON) " + OutboxDispatcher.TakeBatchSql, connection, transaction);
        explain.Parameters.Add(new() { Value = 0L });
        var plan = (string)(await explain.ExecuteScalarAsync())!;

        Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
        Assert.Contains($"\"Actual Rows\": {OutboxDispatcher.BatchSize}", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_batch_s_own_commit_skips_waiting_for_the_disk()
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await TakeAsync(connection, transaction);

            Assert.Equal("off", await SynchronousCommitAsync(connection, transaction));
            await transaction.CommitAsync();
        }

        // The pooled connection's next writer (a contact's group commit) still commits durably.
        Assert.Equal("on", await SynchronousCommitAsync(connection, transaction: null));
    }

    private static async Task<string> SynchronousCommitAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction)
    {
        await using var show = new NpgsqlCommand("SHOW synchronous_commit", connection, transaction);
        return (string)(await show.ExecuteScalarAsync())!;
    }

    private static async Task<List<int>> TakeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long after = 0)
    {
        var taken = new List<int>();
        await using var take = OutboxDispatcher.TakeBatch(connection, transaction, after);
        await using var reader = await take.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            // Each row's body is its own number, so ids and bodies agree.
            Assert.Equal(reader.GetInt64(0), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian((byte[])reader[2]));
            taken.Add((int)reader.GetInt64(0));
        }
        return [.. taken.Order()];
    }

    private async Task<long> CountAsync()
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM outbox_messages");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
