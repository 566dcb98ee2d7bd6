using Npgsql;
using static Mash.Quality.Facts.FactSql;

namespace Mash.Quality.Facts;

/// <summary>
/// Writes the facts of the measures beyond the first five, as <see cref="FactStore"/> does: a
/// decision is replaced only by a later one; every other fact happened once, and its first
/// arrival stands (a replay changes nothing).
/// </summary>
internal sealed class ActivityStore
{
    public async Task RecordDecisionsAsync(NpgsqlTransaction transaction, IReadOnlyList<DecisionFact> decisions, CancellationToken cancellationToken)
    {
        List<DecisionFact> rows = [.. OnePerKey(decisions, d => d.ContactId, Latest<DecisionFact>(d => d.OccurredAt))];
        // T3, T5: the first decision by occurred_at, however many follow and in whatever order they arrive.
        var firsts = decisions.GroupBy(d => d.ContactId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Min(d => d.OccurredAt), StringComparer.Ordinal);
        await ExecuteAsync(transaction, """
            INSERT INTO contact_progress (contact_id, first_decided_at)
            SELECT * FROM unnest($1::text[], $2::timestamptz[])
            ON CONFLICT (contact_id) DO UPDATE SET first_decided_at = LEAST(contact_progress.first_decided_at, EXCLUDED.first_decided_at)
            """, cancellationToken, rows.Select(d => d.ContactId).ToArray(), Instants(rows.Select(d => firsts[d.ContactId])));
        await ExecuteAsync(transaction, """
            INSERT INTO decisions (contact_id, agency_id, threshold_met, occurred_at, first_decided_at)
            SELECT * FROM unnest($1::text[], $2::text[], $3::boolean[], $4::timestamptz[], $5::timestamptz[])
            ON CONFLICT (contact_id) DO UPDATE SET
                agency_id = CASE WHEN EXCLUDED.occurred_at >= decisions.occurred_at THEN EXCLUDED.agency_id ELSE decisions.agency_id END,
                threshold_met = CASE WHEN EXCLUDED.occurred_at >= decisions.occurred_at THEN EXCLUDED.threshold_met ELSE decisions.threshold_met END,
                occurred_at = GREATEST(EXCLUDED.occurred_at, decisions.occurred_at),
                first_decided_at = LEAST(EXCLUDED.first_decided_at, decisions.first_decided_at)
            """, cancellationToken,
            rows.Select(d => d.ContactId).ToArray(), rows.Select(d => d.AgencyId).ToArray(), rows.Select(d => d.ThresholdMet).ToArray(),
            Instants(rows.Select(d => d.OccurredAt)), Instants(rows.Select(d => firsts[d.ContactId])));
    }

    public Task RecordPresentingIssuesAsync(NpgsqlTransaction transaction, IReadOnlyList<PresentingIssueFact> issues, CancellationToken cancellationToken)
    {
        List<PresentingIssueFact> rows = [.. OnePerKey(issues, i => $"{i.ContactId} {i.Issue}", First)];
        return ExecuteAsync(transaction, """
            INSERT INTO presenting_issues (contact_id, issue)
            SELECT * FROM unnest($1::text[], $2::text[])
            ON CONFLICT (contact_id, issue) DO NOTHING
            """, cancellationToken,
            rows.Select(i => i.ContactId).ToArray(), rows.Select(i => i.Issue).ToArray());
    }

    public Task RecordRatingChangesAsync(NpgsqlTransaction transaction, IReadOnlyList<RatingChangeFact> changes, CancellationToken cancellationToken)
    {
        List<RatingChangeFact> rows = [.. OnePerKey(changes, c => c.EventId, First)];
        return ExecuteAsync(transaction, """
            INSERT INTO rating_changes (event_id, contact_id, from_rag, to_rag, occurred_at)
            SELECT * FROM unnest($1::text[], $2::text[], $3::smallint[], $4::smallint[], $5::timestamptz[])
            ON CONFLICT (event_id) DO NOTHING
            """, cancellationToken,
            rows.Select(c => c.EventId).ToArray(), rows.Select(c => c.ContactId).ToArray(), rows.Select(c => (short)c.From).ToArray(),
            rows.Select(c => (short)c.To).ToArray(), Instants(rows.Select(c => c.OccurredAt)));
    }

    public Task RecordEscalationsAsync(NpgsqlTransaction transaction, IReadOnlyList<EscalationFact> escalations, CancellationToken cancellationToken)
    {
        List<EscalationFact> rows = [.. OnePerKey(escalations, e => e.EscalationId, First)];
        return ExecuteAsync(transaction, """
            INSERT INTO escalations (escalation_id, contact_id, kind, raised_by_agency, occurred_at)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[])
            ON CONFLICT (escalation_id) DO NOTHING
            """, cancellationToken,
            rows.Select(e => e.EscalationId).ToArray(), rows.Select(e => e.ContactId).ToArray(), rows.Select(e => e.Kind).ToArray(),
            rows.Select(e => e.RaisedByAgency).ToArray(), Instants(rows.Select(e => e.OccurredAt)));
    }

    public Task RecordResolutionsAsync(NpgsqlTransaction transaction, IReadOnlyList<EscalationResolutionFact> resolutions, CancellationToken cancellationToken)
    {
        List<EscalationResolutionFact> rows = [.. OnePerKey(resolutions, r => r.EscalationId, First)];
        return ExecuteAsync(transaction, """
            INSERT INTO escalation_resolutions (escalation_id, raised_by_agency, resolution, occurred_at)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[])
            ON CONFLICT (escalation_id) DO NOTHING
            """, cancellationToken,
            rows.Select(r => r.EscalationId).ToArray(), rows.Select(r => r.RaisedByAgency).ToArray(), rows.Select(r => r.Resolution).ToArray(),
            Instants(rows.Select(r => r.OccurredAt)));
    }

    public Task RecordInformationRequestsAsync(NpgsqlTransaction transaction, IReadOnlyList<InformationRequestFact> requests, CancellationToken cancellationToken)
    {
        List<InformationRequestFact> rows = [.. OnePerKey(requests, r => r.RequestId, First)];
        return ExecuteAsync(transaction, """
            INSERT INTO information_requests (request_id, contact_id, agency_id, occurred_at)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[])
            ON CONFLICT (request_id) DO NOTHING
            """, cancellationToken,
            rows.Select(r => r.RequestId).ToArray(), rows.Select(r => r.ContactId).ToArray(), rows.Select(r => r.AgencyId).ToArray(),
            Instants(rows.Select(r => r.OccurredAt)));
    }

    public Task RecordInformationResponsesAsync(NpgsqlTransaction transaction, IReadOnlyList<InformationResponseFact> responses, CancellationToken cancellationToken)
    {
        List<InformationResponseFact> rows = [.. OnePerKey(responses, r => r.RequestId, First)];
        return ExecuteAsync(transaction, """
            INSERT INTO information_responses (request_id, agency_id, requested_at, response_band, occurred_at)
            SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::timestamptz[])
            ON CONFLICT (request_id) DO NOTHING
            """, cancellationToken,
            rows.Select(r => r.RequestId).ToArray(), rows.Select(r => r.AgencyId).ToArray(), Instants(rows.Select(r => r.RequestedAt)),
            rows.Select(r => r.ResponseBand).ToArray(), Instants(rows.Select(r => r.OccurredAt)));
    }

    public Task RecordBreachesAsync(NpgsqlTransaction transaction, IReadOnlyList<DeadlineAlertFact> breaches, CancellationToken cancellationToken) =>
        RecordAlertsAsync(transaction, "deadline_breaches", breaches, cancellationToken);

    public Task RecordApproachesAsync(NpgsqlTransaction transaction, IReadOnlyList<DeadlineAlertFact> approaches, CancellationToken cancellationToken) =>
        RecordAlertsAsync(transaction, "deadline_approaches", approaches, cancellationToken);

    // One alert per contact and due time: a re-rating sets a new due time, another replica's repeat is the same alert.
    private static Task RecordAlertsAsync(NpgsqlTransaction transaction, string table, IReadOnlyList<DeadlineAlertFact> alerts, CancellationToken cancellationToken)
    {
        List<DeadlineAlertFact> rows = [.. OnePerKey(alerts, b => $"{b.ContactId} {b.DueAt:O}", First)];
        return ExecuteAsync(transaction, $"""
            INSERT INTO {table} (contact_id, due_at, rag, agency_id, occurred_at)
            SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::smallint[], $4::text[], $5::timestamptz[])
            ON CONFLICT (contact_id, due_at) DO NOTHING
            """, cancellationToken,
            rows.Select(b => b.ContactId).ToArray(), Instants(rows.Select(b => b.DueAt)), rows.Select(b => (short)b.Rag).ToArray(),
            rows.Select(b => b.AgencyId).ToArray(), Instants(rows.Select(b => b.OccurredAt)));
    }

    private static T First<T>(T kept, T next) => kept;
}
