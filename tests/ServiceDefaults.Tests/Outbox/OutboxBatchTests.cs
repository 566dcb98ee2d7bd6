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

    [Fact]
    public async Task A_batch_stops_before_a_packed_row_it_cannot_hold_and_takes_one_whole_alone()
    {
        // Rows 5001 (PackSize events) and 5002 (10 events) after the 5,000 single events.
        await ExecuteAsync($"""
            INSERT INTO outbox_messages (message_type, events, bodies, trace_parents)
            SELECT 'test.Event', n, array_agg(int4send(g)), array_agg(NULL::text) FROM (VALUES ({EventOutbox.PackSize}), (10)) v(n), generate_series(1, n) g GROUP BY n ORDER BY n DESC
            """);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        var beforeThePacked = await TakeRowsAsync(connection, transaction, after: Backlog - 10);
        var packed = await TakeRowsAsync(connection, transaction, after: Backlog);
        var afterIt = await TakeRowsAsync(connection, transaction, after: Backlog + 1);

        Assert.Equal(Enumerable.Range(Backlog - 9, 10), beforeThePacked.Select(row => row.Id));
        Assert.Equal((Backlog + 1, EventOutbox.PackSize), Assert.Single(packed));
        Assert.Equal((Backlog + 2, 10), Assert.Single(afterIt));
        await transaction.RollbackAsync();
    }

    [Fact]
    public async Task A_packed_row_is_compressed_with_lz4()
    {
        var events = Enumerable.Range(0, EventOutbox.PackSize).Select(i => new Google.Protobuf.WellKnownTypes.StringValue { Value = $"a contact's event {i}, long enough to compress" }).ToArray();
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await EventOutbox.CopyRangeAsync(connection, events, [.. events.Select(_ => (string?)null)]);
        }

        await using var compression = dataSource.CreateCommand($"SELECT pg_column_compression(bodies) FROM outbox_messages WHERE id > {Backlog}");
        Assert.Equal("lz4", await compression.ExecuteScalarAsync());
    }

    private static async Task<List<int>> TakeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long after = 0) =>
        [.. (await TakeRowsAsync(connection, transaction, after)).Select(row => row.Id).Order()];

    /// <summary>The rows a batch takes: each id and how many events it held.</summary>
    private static async Task<List<(int Id, int Events)>> TakeRowsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long after)
    {
        var taken = new List<(int, int)>();
        await using var take = OutboxDispatcher.TakeBatch(connection, transaction, after);
        await using var reader = await take.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var bodies = reader.GetFieldValue<byte[][]>(2);
            if (bodies.Length == 1)
            {
                // Each single row's body is its own number, so ids and bodies agree.
                Assert.Equal(reader.GetInt64(0), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(Assert.Single(bodies)));
            }
            taken.Add(((int)reader.GetInt64(0), bodies.Length));
        }
        return taken;
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
