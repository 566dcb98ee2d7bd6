using Npgsql;
using static Mash.Quality.Facts.FactSql;

namespace Mash.Quality.Facts;

/// <summary>
/// Writes the facts of the Outcomes events in depth, as <see cref="FactStore"/>
/// does: one statement a batch, rows in key order. A correction replaces an outcome only by a later
/// revision; every other fact happened once, and its first arrival stands.
/// </summary>
internal sealed class DepthStore
{
    /// <summary>
    /// A correction: the case's outcome, threshold and agency become the correction's, unless a later
    /// revision is already kept. A correction heard before its outcome stands in for it until the
    /// outcome arrives (which then adds what only it carries, keeping the corrected code).
    /// </summary>
    public Task RecordCorrectionsAsync(NpgsqlTransaction transaction, IReadOnlyList<OutcomeCorrectionFact> corrections, CancellationToken cancellationToken)
    {
        List<OutcomeCorrectionFact> rows = [.. OnePerKey(corrections, c => c.CaseRef, (kept, next) => next.Revision > kept.Revision ? next : kept)];
        return ExecuteAsync(transaction, """
            INSERT INTO outcomes (case_ref, outcome, threshold_met, is_repeat_referral, occurred_at, agency_id, revision, contact_received_at, corrected_at)
            SELECT c.case_ref, c.outcome, c.threshold_met, false, c.occurred_at, c.agency_id, c.revision, c.contact_received_at, c.occurred_at
            FROM unnest($1::text[], $2::text[], $3::boolean[], $4::text[], $5::integer[], $6::timestamptz[], $7::timestamptz[])
                AS c(case_ref, outcome, threshold_met, agency_id, revision, contact_received_at, occurred_at)
            ON CONFLICT (case_ref) DO UPDATE SET outcome = EXCLUDED.outcome, threshold_met = EXCLUDED.threshold_met, agency_id = EXCLUDED.agency_id,
                revision = EXCLUDED.revision, corrected_at = EXCLUDED.corrected_at,
                contact_received_at = coalesce(outcomes.contact_received_at, EXCLUDED.contact_received_at)
            WHERE EXCLUDED.revision > outcomes.revision
            """, cancellationToken,
            rows.Select(c => c.CaseRef).ToArray(), rows.Select(c => c.Outcome).ToArray(), rows.Select(c => c.ThresholdMet).ToArray(),
            rows.Select(c => c.AgencyId).ToArray(), rows.Select(c => c.Revision).ToArray(),
            Instants(rows.Select(c => c.ContactReceivedAt)),
            Instants(rows.Select(c => c.OccurredAt)));
    }

    public Task RecordOutcomeAgenciesAsync(NpgsqlTransaction transaction, IReadOnlyList<OutcomeAgencyFact> agencies, CancellationToken cancellationToken)
    {
        List<OutcomeAgencyFact> rows = [.. OnePerKey(agencies, a => $"{a.CaseRef} {a.Role} {a.AgencyId}", First)];
        return ExecuteAsync(transaction, """
            INSERT INTO outcome_agencies (case_ref, role, agency_id)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
            ON CONFLICT DO NOTHING
            """, cancellationToken,
            rows.Select(a => a.CaseRef).ToArray(), rows.Select(a => a.Role).ToArray(), rows.Select(a => a.AgencyId).ToArray());
    }

    public Task RecordGapsAsync(NpgsqlTransaction transaction, IReadOnlyList<GapFact> gaps, CancellationToken cancellationToken)
    {
        List<GapFact> rows = [.. OnePerKey(gaps, g => $"{g.CaseRef} {g.Gap}", First)];
        return ExecuteAsync(transaction, """
            INSERT INTO outcome_gaps (case_ref, gap) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING
            """, cancellationToken, rows.Select(g => g.CaseRef).ToArray(), rows.Select(g => g.Gap).ToArray());
    }

    /// <summary>Each agency told once per case: the first telling stands.</summary>
    public Task RecordAgencyFeedbackAsync(NpgsqlTransaction transaction, IReadOnlyList<AgencyFeedbackFact> feedback, CancellationToken cancellationToken)
    {
        List<AgencyFeedbackFact> rows = [.. OnePerKey(feedback, f => $"{f.CaseRef} {f.AgencyId}", (kept, next) => next.OccurredAt < kept.OccurredAt ? next : kept)];
        return ExecuteAsync(transaction, """
            INSERT INTO agency_feedback (case_ref, agency_id, to_referrer, outcome_at, occurred_at)
            SELECT * FROM unnest($1::text[], $2::text[], $3::boolean[], $4::timestamptz[], $5::timestamptz[])
            ON CONFLICT (case_ref, agency_id) DO UPDATE SET occurred_at = EXCLUDED.occurred_at WHERE EXCLUDED.occurred_at < agency_feedback.occurred_at
            """, cancellationToken,
            rows.Select(f => f.CaseRef).ToArray(), rows.Select(f => f.AgencyId).ToArray(), rows.Select(f => f.ToReferrer).ToArray(),
            Instants(rows.Select(f => f.OutcomeAt)), Instants(rows.Select(f => f.OccurredAt)));
    }

    public Task RecordConsultationsAsync(NpgsqlTransaction transaction, IReadOnlyList<ConsultationFact> consultations, CancellationToken cancellationToken)
    {
        List<ConsultationFact> rows = [.. OnePerKey(consultations, c => c.ConsultationId, First)];
        return ExecuteAsync(transaction, """
            INSERT INTO consultations (consultation_id, agency_id, kind, occurred_at)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[])
            ON CONFLICT (consultation_id) DO NOTHING
            """, cancellationToken,
            rows.Select(c => c.ConsultationId).ToArray(), rows.Select(c => c.AgencyId).ToArray(), rows.Select(c => c.Kind).ToArray(), Instants(rows.Select(c => c.OccurredAt)));
    }

    private static T First<T>(T kept, T next) => kept;
}
