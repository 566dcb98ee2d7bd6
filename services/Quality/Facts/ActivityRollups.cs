using Mash.Contracts.Common.V1;
using Mash.Quality.Indicators;
using Npgsql;

namespace Mash.Quality.Facts;

/// <summary>
/// The activities a period counts by the day they happened (R2, R4, T2, T4), summed from their
/// rollups (migration 0012) for its whole days; each row stands for as many alike as it counts.
/// </summary>
internal static class ActivityRollups
{
    private const string Days = "($1::date IS NULL OR day >= $1) AND ($2::date IS NULL OR day < $2)";

    /// <summary>R2: re-ratings, by the change.</summary>
    public static Task<IReadOnlyList<RatingChangeFact>> RatingChangesAsync(NpgsqlTransaction transaction, RolledDays days, CancellationToken cancellationToken) =>
        RollupReader.ReadAsync(transaction, $"SELECT from_rag, to_rag, sum(n)::bigint FROM rating_changes_daily WHERE {Days} GROUP BY 1, 2 HAVING sum(n) <> 0", days,
            r => new RatingChangeFact("", "", (Rag)r.GetInt16(0), (Rag)r.GetInt16(1), default) { Count = r.GetInt64(2) }, cancellationToken);

    /// <summary>R4: escalations raised, by the agency raising them.</summary>
    public static Task<IReadOnlyList<EscalationFact>> EscalationsAsync(NpgsqlTransaction transaction, RolledDays days, CancellationToken cancellationToken) =>
        RollupReader.ReadAsync(transaction, $"SELECT raised_by_agency, sum(n)::bigint FROM escalations_daily WHERE {Days} GROUP BY 1 HAVING sum(n) <> 0", days,
            r => new EscalationFact("", "", "", r.GetString(0), default) { Count = r.GetInt64(1) }, cancellationToken);

    /// <summary>R4: escalations resolved, by resolution.</summary>
    public static Task<IReadOnlyList<EscalationResolutionFact>> ResolutionsAsync(NpgsqlTransaction transaction, RolledDays days, CancellationToken cancellationToken) =>
        RollupReader.ReadAsync(transaction, $"SELECT resolution, sum(n)::bigint FROM escalation_resolutions_daily WHERE {Days} GROUP BY 1 HAVING sum(n) <> 0", days,
            r => new EscalationResolutionFact("", "", r.GetString(0), default) { Count = r.GetInt64(1) }, cancellationToken);

    /// <summary>
    /// T2: answers, by band and whether within the first band (the rollup's 4 hours, ResponseTimes.FirstBand):
    /// asked at the answer's moment when within, a moment past the band when not.
    /// </summary>
    public static Task<IReadOnlyList<InformationResponseFact>> ResponsesAsync(NpgsqlTransaction transaction, RolledDays days, CancellationToken cancellationToken) =>
        RollupReader.ReadAsync(transaction, $"SELECT response_band, within_first_band, sum(n)::bigint FROM information_responses_daily WHERE {Days} GROUP BY 1, 2 HAVING sum(n) <> 0", days,
            r => new InformationResponseFact("", "", default, r.GetString(0), r.GetBoolean(1) ? default : default(DateTime) + ResponseTimes.FirstBand + TimeSpan.FromTicks(1)) { Count = r.GetInt64(2) },
            cancellationToken);

    /// <summary>T4: deadlines breached (<c>deadline_breaches_daily</c>) or about to be (<c>deadline_approaches_daily</c>), by RAG.</summary>
    public static Func<NpgsqlTransaction, RolledDays, CancellationToken, Task<IReadOnlyList<DeadlineAlertFact>>> AlertsOf(string rollup) => (transaction, days, cancellationToken) =>
        RollupReader.ReadAsync(transaction, $"SELECT rag, sum(n)::bigint FROM {rollup} WHERE {Days} GROUP BY 1 HAVING sum(n) <> 0", days,
            r => new DeadlineAlertFact("", default, (Rag)r.GetInt16(0), "", default) { Count = r.GetInt64(1) }, cancellationToken);
}
