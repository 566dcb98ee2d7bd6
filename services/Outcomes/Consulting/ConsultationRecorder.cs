using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Events.V1;
using Mash.Outcomes.Postgres;
using Mash.ServiceDefaults;
using Npgsql;

namespace Mash.Outcomes.Consulting;

/// <summary>Records a professional consultation given (O7) and, in the same transaction, ConsultationGiven.</summary>
internal sealed class ConsultationRecorder(NpgsqlDataSource dataSource, EventOutbox outbox, TimeProvider time)
{
    public async Task<Guid> RecordAsync(string agencyId, string kind, string givenBy, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await transaction.ExecuteAsync("""
            INSERT INTO consultations (consultation_id, agency_id, kind, given_by, occurred_at, recorded_at) VALUES ($1, $2, $3, $4, $5, $6)
            """, cancellationToken, id, agencyId, kind, givenBy, occurredAt.UtcDateTime, now.UtcDateTime);
        await outbox.AddAsync(transaction, new ConsultationGiven
        {
            EventId = Guid.CreateVersion7(now).ToString(),
            ConsultationId = id.ToString(),
            AgencyId = agencyId,
            Kind = kind,
            OccurredAt = Timestamp.FromDateTimeOffset(occurredAt),
            RecordedAt = Timestamp.FromDateTimeOffset(now),
        }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }
}
