using Mash.Contracts.Intake.V1;
using Mash.Intake.Tests.Infrastructure;
using Npgsql;

namespace Mash.Intake.Tests.Progress;

/// <summary>A batch locks its contacts in id order, so batches applied at once wait for each other rather than deadlock.</summary>
[Collection(IntakeDatabaseCollection.Name)]
public sealed class ContactLockOrderTests(IntakeDatabase database)
{
    private readonly ProgressRows rows = new(database);

    [Fact]
    public async Task A_batch_locks_its_contacts_in_id_order_whatever_order_it_names_them_in()
    {
        var inLockOrder = await InIdOrderAsync([await rows.SubmitAsync(), await rows.SubmitAsync(), await rows.SubmitAsync()]);
        await using var holder = await database.DataSource.OpenConnectionAsync();
        await using var holding = await holder.BeginTransactionAsync();
        await LockAsync(holding, inLockOrder[^1], "");

        // Named highest first, the batch still takes the lower contacts first, then waits for the highest.
        var batch = rows.AdvanceAsync([.. Enumerable.Reverse(inLockOrder).Select(id => ProgressRows.Step(id.ToString(), ContactStatus.InTriage, 1))]);
        await WaitUntilBlockedAsync();
        await using var other = await database.DataSource.OpenConnectionAsync();
        await using var taking = await other.BeginTransactionAsync();
        var refused = await Assert.ThrowsAsync<PostgresException>(() => LockAsync(taking, inLockOrder[0], "NOWAIT"));
        await holding.RollbackAsync();

        Assert.Equal(PostgresErrorCodes.LockNotAvailable, refused.SqlState);
        Assert.Equal(3, await batch);
    }

    /// <summary>PostgreSQL's order of uuids, which is not .NET's order of Guids.</summary>
    private async Task<IReadOnlyList<Guid>> InIdOrderAsync(string[] contactIds)
    {
        await using var command = database.DataSource.CreateCommand("SELECT id FROM contacts WHERE id = ANY($1) ORDER BY id");
        command.Parameters.Add(new() { Value = contactIds.Select(Guid.Parse).ToArray() });
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }
        return ids;
    }

    private static async Task LockAsync(NpgsqlTransaction transaction, Guid contactId, string wait)
    {
        await using var command = new NpgsqlCommand($"SELECT 1 FROM contacts WHERE id = $1 FOR UPDATE {wait}", transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = contactId });
        await command.ExecuteScalarAsync();
    }

    private async Task WaitUntilBlockedAsync()
    {
        for (var tries = 0; await database.CountAsync("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%FOR UPDATE OF c)%'") == 0; tries++)
        {
            Assert.True(tries < 200, "The batch never waited for the held contact.");
            await Task.Delay(50);
        }
    }
}
