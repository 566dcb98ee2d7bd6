using Mash.Contracts.Common.V1;
using Mash.Outcomes.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace Mash.Outcomes.Journeys;

/// <summary>
/// The journeys table. Every write is an upsert that keeps the earliest or latest fact by
/// occurred_at, so replays and any arrival order give the same row. A batch of facts is one
/// statement: an upsert may touch a row only once, so a batch's facts about one contact are first
/// folded by the same rule, and rows go in contact order, so batches from different queues lock
/// the journeys they share in the same order and wait for each other rather than deadlock.
/// </summary>
internal sealed class JourneyStore
{
    public Task RecordReceivedAsync(
        NpgsqlTransaction transaction, string contactId, string agencyId, string referralSource, bool isRepeat, bool isRepeatReferral, CancellationToken cancellationToken) =>
        RecordReceivedAsync(transaction, [new JourneyReceipt(contactId, agencyId, referralSource, isRepeat, isRepeatReferral)], cancellationToken);

    /// <summary>Receipts; a contact received twice keeps the details of the later one to arrive.</summary>
    public Task RecordReceivedAsync(NpgsqlTransaction transaction, IEnumerable<JourneyReceipt> receipts, CancellationToken cancellationToken)
    {
        List<JourneyReceipt> rows = [.. OnePerContact(receipts, r => r.ContactId, (_, later) => later)];
        return transaction.ExecuteAsync("""
            INSERT INTO journeys (contact_id, received, agency_id, referral_source, is_repeat, is_repeat_referral, received_at)
            SELECT r.contact_id, true, r.agency_id, r.referral_source, r.is_repeat, r.is_repeat_referral, r.received_at
            FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[], $5::boolean[], $6::timestamptz[]) WITH ORDINALITY
                AS r(contact_id, agency_id, referral_source, is_repeat, is_repeat_referral, received_at, n)
            ORDER BY r.n
            ON CONFLICT (contact_id) DO UPDATE SET
                received = true, agency_id = EXCLUDED.agency_id, referral_source = EXCLUDED.referral_source,
                is_repeat = EXCLUDED.is_repeat, is_repeat_referral = EXCLUDED.is_repeat_referral,
                received_at = coalesce(EXCLUDED.received_at, journeys.received_at)
            """, cancellationToken,
            rows.Select(r => r.ContactId).ToArray(), rows.Select(r => r.AgencyId).ToArray(), rows.Select(r => r.ReferralSource).ToArray(),
            rows.Select(r => r.IsRepeat).ToArray(), rows.Select(r => r.IsRepeatReferral).ToArray(),
            new NpgsqlParameter { Value = rows.Select(r => r.ReceivedAt).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
    }

    public Task RecordRatingAsync(NpgsqlTransaction transaction, string contactId, Rag rag, DateTime occurredAt, CancellationToken cancellationToken) =>
        RecordRatingsAsync(transaction, [new JourneyRating(contactId, rag, occurredAt)], cancellationToken);

    /// <summary>Ratings: the first by occurred_at is the initial RAG (on a tie, the first to arrive), the latest the final one (on a tie, the last to arrive).</summary>
    public Task RecordRatingsAsync(NpgsqlTransaction transaction, IEnumerable<JourneyRating> ratings, CancellationToken cancellationToken)
    {
        List<(JourneyRating Initial, JourneyRating Final)> rows = [.. OnePerContact(
            ratings.Select(r => (Initial: r, Final: r)),
            r => r.Initial.ContactId,
            (kept, next) => (
                next.Initial.OccurredAt < kept.Initial.OccurredAt ? next.Initial : kept.Initial,
                next.Final.OccurredAt >= kept.Final.OccurredAt ? next.Final : kept.Final))];
        return transaction.ExecuteAsync("""
            INSERT INTO journeys (contact_id, initial_rag, initial_rated_at, final_rag, final_rated_at)
            SELECT r.contact_id, r.initial_rag, r.initial_rated_at, r.final_rag, r.final_rated_at
            FROM unnest($1::text[], $2::smallint[], $3::timestamptz[], $4::smallint[], $5::timestamptz[]) WITH ORDINALITY
                AS r(contact_id, initial_rag, initial_rated_at, final_rag, final_rated_at, n)
            ORDER BY r.n
            ON CONFLICT (contact_id) DO UPDATE SET
                initial_rag = CASE WHEN journeys.initial_rated_at IS NULL OR EXCLUDED.initial_rated_at < journeys.initial_rated_at
                                   THEN EXCLUDED.initial_rag ELSE journeys.initial_rag END,
                initial_rated_at = LEAST(journeys.initial_rated_at, EXCLUDED.initial_rated_at),
                final_rag = CASE WHEN journeys.final_rated_at IS NULL OR EXCLUDED.final_rated_at >= journeys.final_rated_at
                                 THEN EXCLUDED.final_rag ELSE journeys.final_rag END,
                final_rated_at = GREATEST(journeys.final_rated_at, EXCLUDED.final_rated_at)
            """, cancellationToken,
            rows.Select(r => r.Initial.ContactId).ToArray(),
            rows.Select(r => (short)r.Initial.Rag).ToArray(), TransactionExtensions.Instants(rows.Select(r => r.Initial.OccurredAt)),
            rows.Select(r => (short)r.Final.Rag).ToArray(), TransactionExtensions.Instants(rows.Select(r => r.Final.OccurredAt)));
    }

    public Task RecordDecisionAsync(NpgsqlTransaction transaction, string contactId, bool thresholdMet, DateTime occurredAt, CancellationToken cancellationToken) =>
        RecordDecisionsAsync(transaction, [new JourneyDecision(contactId, thresholdMet, occurredAt)], cancellationToken);

    /// <summary>Decisions: the latest by occurred_at stands (on a tie, the last to arrive).</summary>
    public Task RecordDecisionsAsync(NpgsqlTransaction transaction, IEnumerable<JourneyDecision> decisions, CancellationToken cancellationToken)
    {
        List<JourneyDecision> rows = [.. OnePerContact(decisions, d => d.ContactId, (kept, next) => next.OccurredAt >= kept.OccurredAt ? next : kept)];
        return transaction.ExecuteAsync("""
            INSERT INTO journeys (contact_id, decided, threshold_met, decided_at)
            SELECT d.contact_id, true, d.threshold_met, d.decided_at
            FROM unnest($1::text[], $2::boolean[], $3::timestamptz[]) WITH ORDINALITY AS d(contact_id, threshold_met, decided_at, n)
            ORDER BY d.n
            ON CONFLICT (contact_id) DO UPDATE SET
                decided = true,
                threshold_met = CASE WHEN journeys.decided_at IS NULL OR EXCLUDED.decided_at >= journeys.decided_at
                                     THEN EXCLUDED.threshold_met ELSE journeys.threshold_met END,
                decided_at = GREATEST(journeys.decided_at, EXCLUDED.decided_at)
            """, cancellationToken,
            rows.Select(d => d.ContactId).ToArray(), rows.Select(d => d.ThresholdMet).ToArray(), TransactionExtensions.Instants(rows.Select(d => d.OccurredAt)));
    }

    /// <summary>The journey, locked until the transaction ends so two recordings of one contact queue up.</summary>
    public async Task<Journey?> FindForUpdateAsync(NpgsqlTransaction transaction, string contactId, CancellationToken cancellationToken) =>
        (await FindForUpdateAsync(transaction, [contactId], cancellationToken)).GetValueOrDefault(contactId);

    /// <summary>
    /// The journeys of those contacts Outcomes knows, each locked as above, in contact order (byte order, as the
    /// upserts above write), so calls locking several wait for one another rather than deadlock.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, Journey>> FindForUpdateAsync(NpgsqlTransaction transaction, IReadOnlyCollection<string> contactIds, CancellationToken cancellationToken)
    {
        var journeys = await transaction.ReadAsync("""
            SELECT contact_id, received, coalesce(agency_id, ''), coalesce(referral_source, ''), is_repeat,
                   initial_rag, final_rag, decided, threshold_met, is_repeat_referral, received_at
            FROM journeys WHERE contact_id = ANY($1) ORDER BY contact_id COLLATE "C" FOR UPDATE
            """, Read, cancellationToken, TransactionExtensions.Texts(contactIds));
        return journeys.ToDictionary(j => j.ContactId, StringComparer.Ordinal);
    }

    private static Journey Read(NpgsqlDataReader row) =>
        new(row.GetString(0), row.GetBoolean(1), row.GetString(2), row.GetString(3), row.GetBoolean(4), row.GetBoolean(9),
            (Rag)row.GetInt16(5), (Rag)row.GetInt16(6), row.GetBoolean(7), row.GetBoolean(8))
        {
            ReceivedAt = row.IsDBNull(10) ? null : row.GetDateTime(10),
        };

    // Folds each contact's facts in the order they arrived, and orders the contacts by id.
    private static IEnumerable<T> OnePerContact<T>(IEnumerable<T> facts, Func<T, string> contactOf, Func<T, T, T> fold) =>
        facts.GroupBy(contactOf, StringComparer.Ordinal)
            .Select(contact => contact.Aggregate(fold))
            .OrderBy(contactOf, StringComparer.Ordinal);
}
