using Npgsql;

namespace Mash.ServiceDefaults;

/// <summary>Events written but not yet published, and how long the oldest has waited.</summary>
internal sealed record OutboxBacklog(long Waiting, TimeSpan OldestAge)
{
    // One pass over the table: a backlog of 100,000 rows is counted in milliseconds, and an empty
    // outbox (the usual state) costs next to nothing. Rows a dispatcher is publishing still count
    // until its transaction commits. created_at is its writer's transaction time.
    internal const string Sql = """
        SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8
        FROM outbox_messages
        """;

    internal static async Task<OutboxBacklog> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new OutboxBacklog(reader.GetInt64(0), TimeSpan.FromSeconds(Math.Max(0, reader.GetDouble(1))));
    }
}
