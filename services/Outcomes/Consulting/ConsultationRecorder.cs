using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Events.V1;
using Mash.ServiceDefaults;
using Npgsql;

namespace Mash.Outcomes.Consulting;

/// <summary>
/// Records a professional consultation given (O7) and, in the same transaction, ConsultationGiven.
/// A request id seen before answers with its consultation and records nothing more.
/// </summary>
internal sealed class ConsultationRecorder(NpgsqlDataSource dataSource, EventOutbox outbox, TimeProvider time)
{
    public async Task<Guid> RecordAsync(Guid? requestId, string agencyId, string kind, string givenBy, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var id = NewGuids.OrderedBy(now);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var insert = new NpgsqlCommand("""
            INSERT INTO consultations (consultation_id, request_id, agency_id, kind, given_by, occurred_at, recorded_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (request_id) DO UPDATE SET request_id = EXCLUDED.request_id
            RETURNING consultation_id
            """, connection, transaction);
        foreach (var value in new object[] { id, requestId is { } r ? r : DBNull.Value, agencyId, kind, givenBy, occurredAt.UtcDateTime, now.UtcDateTime })
        {
            insert.Parameters.Add(new() { Value = value });
        }
        // The row that holds the request id: this one, or the one a first call recorded.
        var recorded = (Guid)(await insert.ExecuteScalarAsync(cancellationToken))!;
        if (recorded == id)
        {
            await outbox.AddAsync(transaction, new ConsultationGiven
            {
                EventId = NewGuids.OrderedBy(now).ToString(),
                ConsultationId = id.ToString(),
                AgencyId = agencyId,
                Kind = kind,
                OccurredAt = Timestamp.FromDateTimeOffset(occurredAt),
                RecordedAt = Timestamp.FromDateTimeOffset(now),
            }, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return recorded;
    }
}
