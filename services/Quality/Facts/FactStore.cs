using Npgsql;
using static Mash.Quality.Facts.FactSql;

namespace Mash.Quality.Facts;

/// <summary>
/// Writes the facts. A fact that can change (a re-rating, a re-timed decision) is replaced only by
/// a later one by occurred_at, so events in any order and replays leave the same rows. A batch of
/// facts is one statement: an upsert may touch a row only once, so a batch's facts about one row
/// are first folded by the same rule (on a tie the last to arrive wins, as one at a time), and rows
/// go in key order, so two batches sharing rows wait for each other rather than deadlock.
/// </summary>
internal sealed class FactStore
{
    public Task RecordContactAsync(NpgsqlTransaction transaction, ContactFact contact, CancellationToken cancellationToken) =>
        RecordContactsAsync(transaction, [contact], cancellationToken);

    /// <summary>Contacts received; a contact received again keeps its first fact.</summary>
    public async Task RecordContactsAsync(NpgsqlTransaction transaction, IEnumerable<ContactFact> contacts, CancellationToken cancellationToken)
    {
        List<ContactFact> rows = [.. OnePerKey(contacts, c => c.ContactId, (first, _) => first)];
        // T3, D7: the receipt beside the first decision, which the decisions' consumer upserts into the same row.
        await ExecuteAsync(transaction, """
            INSERT INTO contact_progress (contact_id, received_at)
            SELECT * FROM unnest($1::text[], $2::timestamptz[])
            ON CONFLICT (contact_id) DO UPDATE SET received_at = EXCLUDED.received_at WHERE contact_progress.received_at IS NULL
            """, cancellationToken, rows.Select(c => c.ContactId).ToArray(), Instants(rows.Select(c => c.OccurredAt)));
        await ExecuteAsync(transaction, """
            INSERT INTO contacts (contact_id, agency_id, occurred_at, contact_type, pathway, incident_at, dash_risk, consent)
            SELECT c.contact_id, c.agency_id, c.occurred_at, c.contact_type, c.pathway, c.incident_at, c.dash_risk, c.consent
            FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::smallint[], $6::timestamptz[], $7::text[], $8::text[]) WITH ORDINALITY
                AS c(contact_id, agency_id, occurred_at, contact_type, pathway, incident_at, dash_risk, consent, n)
            ORDER BY c.n
            ON CONFLICT (contact_id) DO NOTHING
            """, cancellationToken,
            rows.Select(c => c.ContactId).ToArray(), rows.Select(c => c.AgencyId).ToArray(), Instants(rows.Select(c => c.OccurredAt)),
            rows.Select(c => c.ContactType).ToArray(), rows.Select(c => (short)c.Pathway).ToArray(), Instants(rows.Select(c => c.IncidentAt)),
            rows.Select(c => c.DashRisk).ToArray(), rows.Select(c => c.Consent).ToArray());
    }

    public Task RecordRatingAsync(NpgsqlTransaction transaction, RatingFact rating, CancellationToken cancellationToken) =>
        RecordRatingsAsync(transaction, [rating], cancellationToken);

    public async Task RecordRatingsAsync(NpgsqlTransaction transaction, IEnumerable<RatingFact> ratings, CancellationToken cancellationToken)
    {
        List<RatingFact> all = [.. ratings];
        // R1's history: every rating, once per contact and moment (on a tie the last to arrive, as for
        // the current one), so a contact's RAG at a period's end can be read.
        List<RatingFact> history = [.. OnePerKey(all, r => $"{r.ContactId} {r.OccurredAt:O}", (_, next) => next)];
        // Added, then re-rated where a replay says otherwise: two statements, so R1's rollup (whose
        // spans hang on a contact's other ratings) sees each statement's rows against the table before it.
        await ExecuteAsync(transaction, """
            INSERT INTO rating_history (contact_id, occurred_at, rag)
            SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::smallint[])
            ON CONFLICT (contact_id, occurred_at) DO NOTHING
            """, cancellationToken,
            history.Select(r => r.ContactId).ToArray(), Instants(history.Select(r => r.OccurredAt)), history.Select(r => (short)r.Rag).ToArray());
        await ExecuteAsync(transaction, """
            WITH replayed AS (
                SELECT h.contact_id, h.occurred_at, r.rag FROM rating_history h
                JOIN unnest($1::text[], $2::timestamptz[], $3::smallint[]) AS r(contact_id, occurred_at, rag) USING (contact_id, occurred_at)
                WHERE h.rag <> r.rag ORDER BY h.contact_id, h.occurred_at FOR UPDATE OF h)
            UPDATE rating_history h SET rag = replayed.rag FROM replayed
            WHERE h.contact_id = replayed.contact_id AND h.occurred_at = replayed.occurred_at
            """, cancellationToken,
            history.Select(r => r.ContactId).ToArray(), Instants(history.Select(r => r.OccurredAt)), history.Select(r => (short)r.Rag).ToArray());
        List<RatingFact> rows = [.. OnePerKey(all, r => r.ContactId, Latest<RatingFact>(r => r.OccurredAt))];
        await ExecuteAsync(transaction, """
            INSERT INTO ratings (contact_id, rag, occurred_at)
            SELECT r.contact_id, r.rag, r.occurred_at
            FROM unnest($1::text[], $2::smallint[], $3::timestamptz[]) WITH ORDINALITY AS r(contact_id, rag, occurred_at, n)
            ORDER BY r.n
            ON CONFLICT (contact_id) DO UPDATE SET rag = EXCLUDED.rag, occurred_at = EXCLUDED.occurred_at
            WHERE EXCLUDED.occurred_at >= ratings.occurred_at
            """, cancellationToken,
            rows.Select(r => r.ContactId).ToArray(), rows.Select(r => (short)r.Rag).ToArray(), Instants(rows.Select(r => r.OccurredAt)));
    }

    public Task RecordOutcomeAsync(NpgsqlTransaction transaction, OutcomeFact outcome, CancellationToken cancellationToken) =>
        RecordOutcomesAsync(transaction, [outcome], cancellationToken);

    /// <summary>
    /// Outcomes as first recorded: the latest by occurred_at. Once corrected (revision above 1) the
    /// correction's outcome, threshold and agency stand; the recording still adds what only it carries.
    /// </summary>
    public Task RecordOutcomesAsync(NpgsqlTransaction transaction, IEnumerable<OutcomeFact> outcomes, CancellationToken cancellationToken)
    {
        List<OutcomeFact> rows = [.. OnePerKey(outcomes, o => o.CaseRef, Latest<OutcomeFact>(o => o.OccurredAt))];
        return ExecuteAsync(transaction, """
            INSERT INTO outcomes (case_ref, outcome, threshold_met, is_repeat_referral, occurred_at, agency_id, contact_received_at, initial_rag, final_rag)
            SELECT o.case_ref, o.outcome, o.threshold_met, o.is_repeat_referral, o.occurred_at, o.agency_id, o.contact_received_at, o.initial_rag, o.final_rag
            FROM unnest($1::text[], $2::text[], $3::boolean[], $4::boolean[], $5::timestamptz[], $6::text[], $7::timestamptz[], $8::smallint[], $9::smallint[]) WITH ORDINALITY
                AS o(case_ref, outcome, threshold_met, is_repeat_referral, occurred_at, agency_id, contact_received_at, initial_rag, final_rag, n)
            ORDER BY o.n
            ON CONFLICT (case_ref) DO UPDATE SET
                outcome = CASE WHEN outcomes.revision > 1 THEN outcomes.outcome ELSE EXCLUDED.outcome END,
                threshold_met = CASE WHEN outcomes.revision > 1 THEN outcomes.threshold_met ELSE EXCLUDED.threshold_met END,
                agency_id = CASE WHEN outcomes.revision > 1 THEN outcomes.agency_id ELSE EXCLUDED.agency_id END,
                is_repeat_referral = EXCLUDED.is_repeat_referral, occurred_at = EXCLUDED.occurred_at,
                contact_received_at = coalesce(EXCLUDED.contact_received_at, outcomes.contact_received_at),
                initial_rag = EXCLUDED.initial_rag, final_rag = EXCLUDED.final_rag
            -- A correction heard first stood in with its own time: the recording, always earlier, replaces that.
            WHERE EXCLUDED.occurred_at >= outcomes.occurred_at OR outcomes.revision > 1
            """, cancellationToken,
            rows.Select(o => o.CaseRef).ToArray(), rows.Select(o => o.Outcome).ToArray(), rows.Select(o => o.ThresholdMet).ToArray(),
            rows.Select(o => o.IsRepeatReferral).ToArray(), Instants(rows.Select(o => o.OccurredAt)), rows.Select(o => o.AgencyId).ToArray(),
            Instants(rows.Select(o => o.ContactReceivedAt)), rows.Select(o => (short)o.InitialRag).ToArray(), rows.Select(o => (short)o.FinalRag).ToArray());
    }

    public Task RecordDecisionTimingAsync(NpgsqlTransaction transaction, DecisionTimingFact timing, CancellationToken cancellationToken) =>
        RecordDecisionTimingsAsync(transaction, [timing], cancellationToken);

    public Task RecordDecisionTimingsAsync(NpgsqlTransaction transaction, IEnumerable<DecisionTimingFact> timings, CancellationToken cancellationToken)
    {
        List<DecisionTimingFact> rows = [.. OnePerKey(timings, t => t.ContactId, Latest<DecisionTimingFact>(t => t.OccurredAt))];
        return ExecuteAsync(transaction, """
            INSERT INTO decision_timings (contact_id, rag, within_target, occurred_at)
            SELECT t.contact_id, t.rag, t.within_target, t.occurred_at
            FROM unnest($1::text[], $2::smallint[], $3::boolean[], $4::timestamptz[]) WITH ORDINALITY AS t(contact_id, rag, within_target, occurred_at, n)
            ORDER BY t.n
            ON CONFLICT (contact_id) DO UPDATE SET rag = EXCLUDED.rag, within_target = EXCLUDED.within_target, occurred_at = EXCLUDED.occurred_at
            WHERE EXCLUDED.occurred_at >= decision_timings.occurred_at
            """, cancellationToken,
            rows.Select(t => t.ContactId).ToArray(), rows.Select(t => (short)t.Rag).ToArray(), rows.Select(t => t.WithinTarget).ToArray(),
            Instants(rows.Select(t => t.OccurredAt)));
    }
}
