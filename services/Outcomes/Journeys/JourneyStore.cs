using Mash.Contracts.Common.V1;
using Mash.Outcomes.Postgres;
using Npgsql;

namespace Mash.Outcomes.Journeys;

/// <summary>
/// The journeys table. Every write is an upsert that keeps the earliest or latest fact by
/// occurred_at, so replays and any arrival order give the same row.
/// </summary>
internal sealed class JourneyStore
{
    public Task RecordReceivedAsync(
        NpgsqlTransaction transaction, string contactId, string agencyId, string referralSource, bool isRepeat, bool isRepeatReferral, CancellationToken cancellationToken) =>
        transaction.ExecuteAsync("""
            INSERT INTO journeys (contact_id, received, agency_id, referral_source, is_repeat, is_repeat_referral)
            VALUES ($1, true, $2, $3, $4, $5)
            ON CONFLICT (contact_id) DO UPDATE SET
                received = true, agency_id = EXCLUDED.agency_id, referral_source = EXCLUDED.referral_source,
                is_repeat = EXCLUDED.is_repeat, is_repeat_referral = EXCLUDED.is_repeat_referral
            """, cancellationToken, contactId, agencyId, referralSource, isRepeat, isRepeatReferral);

    public Task RecordRatingAsync(NpgsqlTransaction transaction, string contactId, Rag rag, DateTime occurredAt, CancellationToken cancellationToken) =>
        transaction.ExecuteAsync("""
            INSERT INTO journeys (contact_id, initial_rag, initial_rated_at, final_rag, final_rated_at)
            VALUES ($1, $2, $3, $2, $3)
            ON CONFLICT (contact_id) DO UPDATE SET
                initial_rag = CASE WHEN journeys.initial_rated_at IS NULL OR EXCLUDED.initial_rated_at < journeys.initial_rated_at
                                   THEN EXCLUDED.initial_rag ELSE journeys.initial_rag END,
                initial_rated_at = LEAST(journeys.initial_rated_at, EXCLUDED.initial_rated_at),
                final_rag = CASE WHEN journeys.final_rated_at IS NULL OR EXCLUDED.final_rated_at >= journeys.final_rated_at
                                 THEN EXCLUDED.final_rag ELSE journeys.final_rag END,
                final_rated_at = GREATEST(journeys.final_rated_at, EXCLUDED.final_rated_at)
            """, cancellationToken, contactId, (short)rag, occurredAt);

    public Task RecordDecisionAsync(NpgsqlTransaction transaction, string contactId, bool thresholdMet, DateTime occurredAt, CancellationToken cancellationToken) =>
        transaction.ExecuteAsync("""
            INSERT INTO journeys (contact_id, decided, threshold_met, decided_at)
            VALUES ($1, true, $2, $3)
            ON CONFLICT (contact_id) DO UPDATE SET
                decided = true,
                threshold_met = CASE WHEN journeys.decided_at IS NULL OR EXCLUDED.decided_at >= journeys.decided_at
                                     THEN EXCLUDED.threshold_met ELSE journeys.threshold_met END,
                decided_at = GREATEST(journeys.decided_at, EXCLUDED.decided_at)
            """, cancellationToken, contactId, thresholdMet, occurredAt);

    /// <summary>The journey, locked until the transaction ends so two recordings of one contact queue up.</summary>
    public async Task<Journey?> FindForUpdateAsync(NpgsqlTransaction transaction, string contactId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT received, coalesce(agency_id, ''), coalesce(referral_source, ''), is_repeat,
                   initial_rag, final_rag, decided, threshold_met, is_repeat_referral
            FROM journeys WHERE contact_id = $1 FOR UPDATE
            """, transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = contactId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        return new Journey(contactId, reader.GetBoolean(0), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3), reader.GetBoolean(8),
            (Rag)reader.GetInt16(4), (Rag)reader.GetInt16(5), reader.GetBoolean(6), reader.GetBoolean(7));
    }
}
