using Npgsql;

namespace Mash.ServiceDefaults;

/// <summary>Events written but not yet published, and how long the oldest has waited.</summary>
/// <param name="CountsBefore">This process's <see cref="EventOutbox.Counts"/> just before the count: what it wrote and published since is not in it.</param>
internal sealed record OutboxBacklog(long Waiting, TimeSpan OldestAge, (long Written, long Published) CountsBefore = default)
{
    // One pass over the table: a backlog of 100,000 rows is counted in milliseconds, and an empty
    // outbox (the usual state) costs next to nothing. Rows a dispatcher is publishing still count
    // until its transaction commits. created_at is its writer's transaction time. A packed row counts its events.
    internal const string Sql = """
        SELECT coalesce(sum(events), 0)::bigint, coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8
        FROM outbox_messages
        """;

    internal static async Task<OutboxBacklog> ReadAsync(NpgsqlConnection connection, EventOutbox? outbox, CancellationToken cancellationToken)
    {
        var counts = outbox?.Counts ?? default;
        await using var command = new NpgsqlCommand(Sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new OutboxBacklog(reader.GetInt64(0), TimeSpan.FromSeconds(Math.Max(0, reader.GetDouble(1))), counts);
    }
}
