using Mash.Contracts.Common.V1;
using Npgsql;

namespace Mash.Quality.Facts;

/// <summary>
/// Writes the facts. A fact that can change (a re-rating, a re-timed decision) is replaced only by
/// a later one by occurred_at, so events in any order and replays leave the same rows.
/// </summary>
internal sealed class FactStore
{
    public Task RecordContactAsync(NpgsqlTransaction transaction, ContactFact contact, CancellationToken cancellationToken) =>
        ExecuteAsync(transaction, """
            INSERT INTO contacts (contact_id, agency_id, occurred_at) VALUES ($1, $2, $3)
            ON CONFLICT (contact_id) DO NOTHING
            """, cancellationToken, contact.ContactId, contact.AgencyId, contact.OccurredAt);

    public Task RecordRatingAsync(NpgsqlTransaction transaction, RatingFact rating, CancellationToken cancellationToken) =>
        ExecuteAsync(transaction, """
            INSERT INTO ratings (contact_id, rag, occurred_at) VALUES ($1, $2, $3)
            ON CONFLICT (contact_id) DO UPDATE SET rag = EXCLUDED.rag, occurred_at = EXCLUDED.occurred_at
            WHERE EXCLUDED.occurred_at >= ratings.occurred_at
            """, cancellationToken, rating.ContactId, (short)rating.Rag, rating.OccurredAt);

    public Task RecordOutcomeAsync(NpgsqlTransaction transaction, OutcomeFact outcome, CancellationToken cancellationToken) =>
        ExecuteAsync(transaction, """
            INSERT INTO outcomes (case_ref, outcome, threshold_met, is_repeat_referral, occurred_at) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (case_ref) DO UPDATE SET outcome = EXCLUDED.outcome, threshold_met = EXCLUDED.threshold_met,
                is_repeat_referral = EXCLUDED.is_repeat_referral, occurred_at = EXCLUDED.occurred_at
            WHERE EXCLUDED.occurred_at >= outcomes.occurred_at
            """, cancellationToken, outcome.CaseRef, outcome.Outcome, outcome.ThresholdMet, outcome.IsRepeatReferral, outcome.OccurredAt);

    public Task RecordDecisionTimingAsync(NpgsqlTransaction transaction, DecisionTimingFact timing, CancellationToken cancellationToken) =>
        ExecuteAsync(transaction, """
            INSERT INTO decision_timings (contact_id, rag, within_target, occurred_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (contact_id) DO UPDATE SET rag = EXCLUDED.rag, within_target = EXCLUDED.within_target, occurred_at = EXCLUDED.occurred_at
            WHERE EXCLUDED.occurred_at >= decision_timings.occurred_at
            """, cancellationToken, timing.ContactId, (short)timing.Rag, timing.WithinTarget, timing.OccurredAt);

    private static async Task ExecuteAsync(NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        foreach (var value in values)
        {
            command.Parameters.Add(new() { Value = value });
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
