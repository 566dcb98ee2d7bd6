using Npgsql;

namespace Mash.Quality.Registers;

/// <summary>Q4: complaints and compliments, stored once per request id; the board reads them as counts by agency.</summary>
internal sealed class FeedbackRegister(NpgsqlDataSource dataSource)
{
    public async Task<Guid> RecordAsync(Guid requestId, Guid id, FeedbackEntry item, string recordedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await RegisterSql.InsertOnceAsync(connection, null, """
            INSERT INTO feedback_items (id, request_id, kind, agency_id, received_on, summary, recorded_by, recorded_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (request_id) DO UPDATE SET request_id = EXCLUDED.request_id
            RETURNING id
            """,
            [id, requestId, item.Kind, item.AgencyId, item.ReceivedOn, item.Summary, recordedBy, now.UtcDateTime],
            cancellationToken);
    }
}
