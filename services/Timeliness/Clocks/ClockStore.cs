using Npgsql;

namespace Mash.Timeliness.Clocks;

/// <summary>Clocks in Timeliness's own database.</summary>
internal sealed class ClockStore(NpgsqlDataSource database)
{
    private const string SelectClock = "SELECT contact_id, started_at, rag, rated_at, due_at, decided_at, within_target FROM clocks WHERE contact_id = $1";

    /// <summary>
    /// The contact's clock (created empty if no fact has reached it yet), locked until the
    /// transaction ends: facts about one contact arriving together on different queues take turns.
    /// </summary>
    public async Task<ClockRecord> LockAsync(NpgsqlTransaction transaction, string contactId, CancellationToken cancellationToken)
    {
        await using (var create = new NpgsqlCommand("INSERT INTO clocks (contact_id) VALUES ($1) ON CONFLICT (contact_id) DO NOTHING", transaction.Connection, transaction))
        {
            create.Parameters.Add(new() { Value = contactId });
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var select = new NpgsqlCommand($"{SelectClock} FOR UPDATE", transaction.Connection, transaction);
        select.Parameters.Add(new() { Value = contactId });
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ClockRow.Read(reader) : throw new InvalidOperationException($"Clock {contactId} vanished.");
    }

    public async Task SaveAsync(NpgsqlTransaction transaction, ClockRecord clock, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            UPDATE clocks SET started_at = $2, rag = $3, rated_at = $4, due_at = $5, decided_at = $6, within_target = $7
            WHERE contact_id = $1
            """, transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = clock.ContactId });
        command.Parameters.Add(new() { Value = Column(clock.StartedAt) });
        command.Parameters.Add(new() { Value = RagColumn.ToColumn(clock.Rag) });
        command.Parameters.Add(new() { Value = Column(clock.RatedAt) });
        command.Parameters.Add(new() { Value = Column(clock.DueAt) });
        command.Parameters.Add(new() { Value = Column(clock.DecidedAt) });
        command.Parameters.Add(new() { Value = clock.WithinTarget is { } within ? within : DBNull.Value });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<ClockRecord?> FindAsync(string contactId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(SelectClock);
        command.Parameters.Add(new() { Value = contactId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ClockRow.Read(reader) : null;
    }

    // timestamptz takes UTC offsets only.
    private static object Column(DateTimeOffset? instant) => instant is { } at ? at.ToUniversalTime() : DBNull.Value;
}
