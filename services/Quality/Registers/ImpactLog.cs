using Npgsql;

namespace Mash.Quality.Registers;

/// <summary>Q9: the impact log, stored once per request id.</summary>
internal sealed class ImpactLog(NpgsqlDataSource dataSource)
{
    public async Task<Guid> RecordAsync(Guid requestId, ImpactRecord impact, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await RegisterSql.InsertOnceAsync(connection, null, """
            INSERT INTO impact_entries (id, request_id, occurred_on, source, impact, evidence, recorded_by, recorded_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (request_id) DO UPDATE SET request_id = EXCLUDED.request_id
            RETURNING id
            """,
            [impact.Id, requestId, impact.OccurredOn, impact.Source, impact.Impact, impact.Evidence, impact.RecordedBy, now.UtcDateTime],
            cancellationToken);
    }

    /// <summary>Newest first by the day it occurred.</summary>
    public async Task<IReadOnlyList<ImpactRecord>> ListAsync(DayRange days, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = RegisterSql.Command(connection, null, $"""
            SELECT id, occurred_on, source, impact, evidence, recorded_by FROM impact_entries
            WHERE {DaySql.Within("occurred_on")} ORDER BY occurred_on DESC, id DESC LIMIT $3
            """, [.. DaySql.Values(days)]);
        DaySql.Type(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<ImpactRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new(reader.GetGuid(0), reader.GetFieldValue<DateOnly>(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5)));
        }
        return entries;
    }
}
