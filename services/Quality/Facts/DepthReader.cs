using Mash.Contracts.Common.V1;
using Npgsql;

namespace Mash.Quality.Facts;

/// <summary>
/// Reads a period's <see cref="DepthFacts"/> inside the reader's snapshot: the agencies and gaps of
/// the period's outcomes (O2, O6), the feedback owed on its referrals and given by its end (O4), the
/// incidents of its contacts (T5), as known at its end; consultations given in it (O7); and the
/// contacts open at its end (T3). Given its whole days, O7 is summed from its rollup with the
/// part-days from the facts, and O2, O4 and O6 (which follow the period's end as well) from theirs
/// when the period is whole days.
/// </summary>
internal static class DepthReader
{
    /// <summary>The period's depth; for a period of whole days (<paramref name="days"/>, in <paramref name="zone"/>), summed from the rollups: O2, O6, O4's feedback owed, O7's consultations, T5's incidents and the backlog.</summary>
    public static async Task<DepthFacts> ReadAsync(NpgsqlTransaction transaction, Period period, RolledDays? days, TimeZoneInfo? zone, CancellationToken cancellationToken) => new(
        days is { Whole: true } ? await RollupReader.OutcomeAgenciesAsync(transaction, days, cancellationToken) : await ReadOutcomeAgenciesAsync(transaction, period, cancellationToken),
        days is { Whole: true } ? await RollupReader.GapsAsync(transaction, days, cancellationToken) : await ReadGapsAsync(transaction, period, cancellationToken),
        days is { Whole: true } ? await RollupReader.FeedbackOwedAsync(transaction, days, cancellationToken) : await ReadFeedbackOwedAsync(transaction, period, cancellationToken),
        days is null
            ? await ReadConsultationsAsync(transaction, period, cancellationToken)
            : await RollupReader.WithEdgesAsync(transaction, days, RollupReader.ConsultationsAsync, ReadConsultationsAsync, cancellationToken),
        days is { Whole: true } ? await DepthRollups.IncidentsAsync(transaction, days, period.To, cancellationToken) : await ReadIncidentsAsync(transaction, period, cancellationToken),
        days is { Whole: true } && zone is not null
            ? await DepthRollups.BacklogAsync(transaction, period, days, zone, cancellationToken)
            : await ReadBacklogAsync(transaction, period, cancellationToken));

    private static Task<IReadOnlyList<IncidentFact>> ReadIncidentsAsync(NpgsqlTransaction transaction, Period period, CancellationToken cancellationToken) =>
        FactReader.ReadAsync(transaction, $"""
            SELECT c.contact_id, c.incident_at, CASE WHEN {FactReader.KnownByTheEnd("d.first_decided_at")} THEN d.first_decided_at END
            FROM contacts c LEFT JOIN decisions d USING (contact_id)
            WHERE {FactReader.Within("c.occurred_at")} AND c.incident_at IS NOT NULL
            """, period, r => new IncidentFact(r.GetString(0), r.GetDateTime(1), r.IsDBNull(2) ? null : r.GetDateTime(2)), cancellationToken);

    private static Task<IReadOnlyList<OutcomeAgencyFact>> ReadOutcomeAgenciesAsync(NpgsqlTransaction transaction, Period period, CancellationToken cancellationToken) =>
        FactReader.ReadAsync(transaction, $"""
            SELECT a.case_ref, a.role, a.agency_id FROM outcome_agencies a JOIN outcomes USING (case_ref) WHERE {FactReader.PeriodsOutcomes}
            """, period, r => new OutcomeAgencyFact(r.GetString(0), r.GetString(1), r.GetString(2)), cancellationToken);

    private static Task<IReadOnlyList<GapFact>> ReadGapsAsync(NpgsqlTransaction transaction, Period period, CancellationToken cancellationToken) =>
        FactReader.ReadAsync(transaction, $"""
            SELECT g.case_ref, g.gap FROM outcome_gaps g JOIN outcomes USING (case_ref) WHERE {FactReader.PeriodsOutcomes}
            """, period, r => new GapFact(r.GetString(0), r.GetString(1)), cancellationToken);

    // O4: every agency owed the outcome of the period's referrals recorded by its end
    // (feedback_owed_facts, migration 0011), told if FeedbackGiven said so before the end.
    private static Task<IReadOnlyList<FeedbackOwedFact>> ReadFeedbackOwedAsync(NpgsqlTransaction transaction, Period period, CancellationToken cancellationToken) =>
        FactReader.ReadAsync(transaction, $"""
            SELECT to_referrer, told_at IS NOT NULL AND {FactReader.KnownByTheEnd("told_at")}, micros_to_tell FROM feedback_owed_facts
            WHERE {FactReader.Within("contact_at")} AND {FactReader.KnownByTheEnd("recorded_at")}
            """, period, r => new FeedbackOwedFact(r.GetBoolean(0), r.GetBoolean(1), r.GetBoolean(1) ? r.GetInt64(2) : 0), cancellationToken);

    private static Task<IReadOnlyList<ConsultationFact>> ReadConsultationsAsync(NpgsqlTransaction transaction, Period period, CancellationToken cancellationToken) =>
        FactReader.ReadAsync(transaction, $"""
            SELECT consultation_id, agency_id, kind, occurred_at FROM consultations WHERE {FactReader.Within("occurred_at")}
            """, period, r => new ConsultationFact(r.GetString(0), r.GetString(1), r.GetString(2), r.GetDateTime(3)), cancellationToken);

    // Every contact received before the end and not first decided by it, whenever it came: a snapshot
    // at the end. Found through contact_progress's two indexes (never decided; decided after the end),
    // so the read grows with the backlog, not with every contact ever received.
    private static Task<IReadOnlyList<OpenContactFact>> ReadBacklogAsync(NpgsqlTransaction transaction, Period period, CancellationToken cancellationToken) =>
        FactReader.ReadAsync(transaction, $"""
            WITH open AS (
                SELECT contact_id FROM contact_progress
                WHERE first_decided_at IS NULL AND received_at IS NOT NULL AND {FactReader.KnownByTheEnd("received_at")}
                UNION ALL
                SELECT contact_id FROM contact_progress
                WHERE $2::timestamptz IS NOT NULL AND first_decided_at >= $2 AND received_at < $2)
            SELECT c.contact_id, coalesce(r.rag, 0::smallint), c.occurred_at, c.dash_risk
            FROM open JOIN contacts c USING (contact_id)
            LEFT JOIN LATERAL (
                SELECT h.rag FROM rating_history h WHERE h.contact_id = c.contact_id AND {FactReader.KnownByTheEnd("h.occurred_at")}
                ORDER BY h.occurred_at DESC LIMIT 1) r ON true
            """, period, r => new OpenContactFact(r.GetString(0), (Rag)r.GetInt16(1), r.GetDateTime(2)) { DashRisk = r.GetString(3) }, cancellationToken);
}
