using Mash.Contracts.Common.V1;
using Npgsql;

namespace Mash.Quality.Facts;

/// <summary>
/// Reads a period's <see cref="ActivityFacts"/> inside the reader's snapshot. The period's contacts
/// are those received in it: their decisions are read as known at the period's end, whenever in it
/// they came, so D2 and O5 describe the same contacts as D1, D4 and D5.
/// </summary>
internal static class ActivityReader
{
    private const string KnownByTheEnd = "($2::timestamptz IS NULL OR f.occurred_at < $2)";

    /// <summary>
    /// The period's activity; given its whole days (<paramref name="days"/>), D3's issues and the
    /// activities counted by their own day (R2, R4, R5, T2, T4) summed from their rollups, the part-days
    /// from the facts; D2's and O5's decisions too when the period is whole days (they follow its end
    /// as well as its contacts' days).
    /// </summary>
    public static async Task<ActivityFacts> ReadAsync(NpgsqlTransaction transaction, Period period, RolledDays? days, CancellationToken cancellationToken)
    {
        Task<IReadOnlyList<T>> Either<T>(Func<NpgsqlTransaction, RolledDays, CancellationToken, Task<IReadOnlyList<T>>> rolled,
            Func<NpgsqlTransaction, Period, CancellationToken, Task<IReadOnlyList<T>>> facts) =>
            days is null ? facts(transaction, period, cancellationToken) : RollupReader.WithEdgesAsync(transaction, days, rolled, facts, cancellationToken);

        return new ActivityFacts(
            days is { Whole: true } ? await RollupReader.DecisionsAsync(transaction, days, cancellationToken) : await ReadDecisionsAsync(transaction, period, cancellationToken),
            await Either(ActivityRollups.RatingChangesAsync, ReadRatingChangesAsync),
            await Either(ActivityRollups.EscalationsAsync, ReadEscalationsAsync),
            await Either(RollupReader.InformationRequestsAsync, ReadRequestsAsync),
            await Either(ActivityRollups.ResponsesAsync, ReadResponsesAsync),
            await Either(ActivityRollups.AlertsOf("deadline_breaches_daily"), ReadAlertsOf("deadline_breaches")))
        {
            Resolutions = await Either(ActivityRollups.ResolutionsAsync, ReadResolutionsAsync),
            PresentingIssues = await Either(RollupReader.PresentingIssuesAsync, ReadIssuesAsync),
            Approaches = await Either(ActivityRollups.AlertsOf("deadline_approaches_daily"), ReadAlertsOf("deadline_approaches")),
        };
    }

    private static Task<IReadOnlyList<PresentingIssueFact>> ReadIssuesAsync(NpgsqlTransaction transaction, Period period, CancellationToken cancellationToken) =>
        FactReader.ReadAsync(transaction,
            $"SELECT i.contact_id, i.issue FROM presenting_issues i JOIN contacts c USING (contact_id) WHERE {FactReader.Within("c.occurred_at")}", period,
            r => new PresentingIssueFact(r.GetString(0), r.GetString(1)), cancellationToken);

    private static Task<IReadOnlyList<InformationRequestFact>> ReadRequestsAsync(NpgsqlTransaction transaction, Period period, CancellationToken cancellationToken) =>
        FactReader.ReadAsync(transaction, $"SELECT request_id, contact_id, agency_id, occurred_at FROM information_requests WHERE {FactReader.Within("occurred_at")}", period,
            r => new InformationRequestFact(r.GetString(0), r.GetString(1), r.GetString(2), r.GetDateTime(3)), cancellationToken);

    private static Func<NpgsqlTransaction, Period, CancellationToken, Task<IReadOnlyList<DeadlineAlertFact>>> ReadAlertsOf(string table) => (transaction, period, cancellationToken) =>
        FactReader.ReadAsync(transaction, $"SELECT contact_id, due_at, rag, agency_id, occurred_at FROM {table} WHERE {FactReader.Within("occurred_at")}", period,
            r => new DeadlineAlertFact(r.GetString(0), r.GetDateTime(1), (Rag)r.GetInt16(2), r.GetString(3), r.GetDateTime(4)), cancellationToken);

    private static Task<IReadOnlyList<DecisionFact>> ReadDecisionsAsync(NpgsqlTransaction transaction, Period period, CancellationToken cancellationToken) =>
        FactReader.ReadAsync(transaction, $"""
            SELECT f.contact_id, f.agency_id, f.threshold_met, f.occurred_at FROM decisions f JOIN contacts c USING (contact_id)
            WHERE {FactReader.Within("c.occurred_at")} AND {KnownByTheEnd}
            """, period, r => new DecisionFact(r.GetString(0), r.GetString(1), r.GetBoolean(2), r.GetDateTime(3)), cancellationToken);

    private static Task<IReadOnlyList<RatingChangeFact>> ReadRatingChangesAsync(NpgsqlTransaction transaction, Period period, CancellationToken cancellationToken) =>
        FactReader.ReadAsync(transaction, $"SELECT event_id, contact_id, from_rag, to_rag, occurred_at FROM rating_changes WHERE {FactReader.Within("occurred_at")}", period,
            r => new RatingChangeFact(r.GetString(0), r.GetString(1), (Rag)r.GetInt16(2), (Rag)r.GetInt16(3), r.GetDateTime(4)), cancellationToken);

    private static Task<IReadOnlyList<EscalationFact>> ReadEscalationsAsync(NpgsqlTransaction transaction, Period period, CancellationToken cancellationToken) =>
        FactReader.ReadAsync(transaction, $"SELECT escalation_id, contact_id, kind, raised_by_agency, occurred_at FROM escalations WHERE {FactReader.Within("occurred_at")}", period,
            r => new EscalationFact(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetDateTime(4)), cancellationToken);

    private static Task<IReadOnlyList<EscalationResolutionFact>> ReadResolutionsAsync(NpgsqlTransaction transaction, Period period, CancellationToken cancellationToken) =>
        FactReader.ReadAsync(transaction, $"SELECT escalation_id, raised_by_agency, resolution, occurred_at FROM escalation_resolutions WHERE {FactReader.Within("occurred_at")}", period,
            r => new EscalationResolutionFact(r.GetString(0), r.GetString(1), r.GetString(2), r.GetDateTime(3)), cancellationToken);

    private static Task<IReadOnlyList<InformationResponseFact>> ReadResponsesAsync(NpgsqlTransaction transaction, Period period, CancellationToken cancellationToken) =>
        FactReader.ReadAsync(transaction, $"SELECT request_id, agency_id, requested_at, response_band, occurred_at FROM information_responses WHERE {FactReader.Within("occurred_at")}", period,
            r => new InformationResponseFact(r.GetString(0), r.GetString(1), r.GetDateTime(2), r.GetString(3), r.GetDateTime(4)), cancellationToken);

}
