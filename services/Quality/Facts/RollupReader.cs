using Mash.Contracts.Common.V1;
using Npgsql;
using NpgsqlTypes;

namespace Mash.Quality.Facts;

/// <summary>
/// Reads a period's measures from the per-day rollups (migration 0010) inside the reader's snapshot:
/// each row a day's facts alike, standing for as many as it counts, so a year is a few thousand rows
/// however many contacts it had. The part-days at a period's edges come from the facts themselves.
/// </summary>
internal static class RollupReader
{
    /// <summary>Whether the rollups are keyed by <paramref name="zone"/>'s days; if not, only the facts answer.</summary>
    public static async Task<bool> KeyedByAsync(NpgsqlTransaction transaction, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT time_zone FROM rollup_zone", transaction.Connection, transaction);
        return await command.ExecuteScalarAsync(cancellationToken) is string keyed && keyed == zone.Id;
    }

    /// <summary>A measure's whole days summed from its rollup, and the part-days at the period's edges read from its facts.</summary>
    public static async Task<IReadOnlyList<T>> WithEdgesAsync<T>(NpgsqlTransaction transaction, RolledDays days,
        Func<NpgsqlTransaction, RolledDays, CancellationToken, Task<IReadOnlyList<T>>> rolled,
        Func<NpgsqlTransaction, Period, CancellationToken, Task<IReadOnlyList<T>>> facts, CancellationToken cancellationToken)
    {
        List<T> all = [.. await rolled(transaction, days, cancellationToken)];
        foreach (var edge in new[] { days.Head, days.Tail }.OfType<Period>())
        {
            all.AddRange(await facts(transaction, edge, cancellationToken));
        }
        return all;
    }

    /// <summary>D1, D4–D6, D7's risks, D8: the whole days' contacts by every key they split by.</summary>
    public static Task<IReadOnlyList<ContactFact>> ContactsAsync(NpgsqlTransaction transaction, RolledDays days, CancellationToken cancellationToken) =>
        ReadAsync(transaction, """
            SELECT agency_id, contact_type, pathway, dash_risk, consent, sum(n)::bigint FROM contacts_daily
            WHERE ($1::date IS NULL OR day >= $1) AND ($2::date IS NULL OR day < $2)
            GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0
            """, days, r => new ContactFact("", r.GetString(0), default, r.GetString(1), (Pathway)r.GetInt16(2))
            {
                DashRisk = r.GetString(3), Consent = r.GetString(4), Count = r.GetInt64(5),
            }, cancellationToken);

    /// <summary>
    /// O1, O3, R3: the outcomes of a whole-day period's contacts recorded by its end (a local midnight,
    /// so recorded before its last day is over), as they stand now.
    /// </summary>
    public static Task<IReadOnlyList<OutcomeFact>> OutcomesAsync(NpgsqlTransaction transaction, RolledDays days, CancellationToken cancellationToken) =>
        ReadAsync(transaction, """
            SELECT outcome, threshold_met, is_repeat_referral, initial_rag, final_rag, sum(n)::bigint FROM outcomes_daily
            WHERE ($1::date IS NULL OR day >= $1) AND ($2::date IS NULL OR (day < $2 AND known_day < $2))
            GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0
            """, days, r => new OutcomeFact("", r.GetString(0), r.GetBoolean(1), r.GetBoolean(2), default)
            {
                InitialRag = (Rag)r.GetInt16(3), FinalRag = (Rag)r.GetInt16(4), Count = r.GetInt64(5),
            }, cancellationToken);

    /// <summary>
    /// R1: the RAG each of a whole-day period's contacts had at its end: the rating from a day before
    /// the end until a day not before it (the latest, until infinity, when the period has no end).
    /// </summary>
    public static Task<IReadOnlyList<RatingFact>> RatingsAsync(NpgsqlTransaction transaction, RolledDays days, CancellationToken cancellationToken) =>
        ReadAsync(transaction, """
            SELECT rag, sum(n)::bigint FROM ratings_daily
            WHERE ($1::date IS NULL OR contact_day >= $1)
              AND CASE WHEN $2::date IS NULL THEN until_day = 'infinity' ELSE contact_day < $2 AND from_day < $2 AND until_day >= $2 END
            GROUP BY 1 HAVING sum(n) <> 0
            """, days, r => new RatingFact("", (Rag)r.GetInt16(0), default) { Count = r.GetInt64(1) }, cancellationToken);

    /// <summary>D3: the presenting issues of the whole days' contacts.</summary>
    public static Task<IReadOnlyList<PresentingIssueFact>> PresentingIssuesAsync(NpgsqlTransaction transaction, RolledDays days, CancellationToken cancellationToken) =>
        ReadAsync(transaction, """
            SELECT issue, sum(n)::bigint FROM presenting_issues_daily
            WHERE ($1::date IS NULL OR contact_day >= $1) AND ($2::date IS NULL OR contact_day < $2)
            GROUP BY 1 HAVING sum(n) <> 0
            """, days, r => new PresentingIssueFact("", r.GetString(0)) { Count = r.GetInt64(1) }, cancellationToken);

    /// <summary>R5: the whole days' requests for information, by the agency asked.</summary>
    public static Task<IReadOnlyList<InformationRequestFact>> InformationRequestsAsync(NpgsqlTransaction transaction, RolledDays days, CancellationToken cancellationToken) =>
        ReadAsync(transaction, """
            SELECT agency_id, sum(n)::bigint FROM information_requests_daily
            WHERE ($1::date IS NULL OR day >= $1) AND ($2::date IS NULL OR day < $2)
            GROUP BY 1 HAVING sum(n) <> 0
            """, days, r => new InformationRequestFact("", "", r.GetString(0), default) { Count = r.GetInt64(1) }, cancellationToken);

    /// <summary>T1: the decisions of a whole-day period's contacts timed by its end, as they stand now.</summary>
    public static Task<IReadOnlyList<DecisionTimingFact>> TimingsAsync(NpgsqlTransaction transaction, RolledDays days, CancellationToken cancellationToken) =>
        ReadAsync(transaction, """
            SELECT rag, within_target, sum(n)::bigint FROM decision_timings_daily
            WHERE ($1::date IS NULL OR contact_day >= $1) AND ($2::date IS NULL OR (contact_day < $2 AND known_day < $2))
            GROUP BY 1, 2 HAVING sum(n) <> 0
            """, days, r => new DecisionTimingFact("", (Rag)r.GetInt16(0), r.GetBoolean(1), default) { Count = r.GetInt64(2) }, cancellationToken);

    /// <summary>D2, O5: the decisions of a whole-day period's contacts in force at its end, by referring agency and threshold.</summary>
    public static Task<IReadOnlyList<DecisionFact>> DecisionsAsync(NpgsqlTransaction transaction, RolledDays days, CancellationToken cancellationToken) =>
        ReadAsync(transaction, """
            SELECT agency_id, threshold_met, sum(n)::bigint FROM decisions_daily
            WHERE ($1::date IS NULL OR contact_day >= $1) AND ($2::date IS NULL OR (contact_day < $2 AND known_day < $2))
            GROUP BY 1, 2 HAVING sum(n) <> 0
            """, days, r => new DecisionFact("", r.GetString(0), r.GetBoolean(1), default) { Count = r.GetInt64(2) }, cancellationToken);

    /// <summary>O2: the agencies of a whole-day period's outcomes recorded by its end, by role and agency.</summary>
    public static Task<IReadOnlyList<OutcomeAgencyFact>> OutcomeAgenciesAsync(NpgsqlTransaction transaction, RolledDays days, CancellationToken cancellationToken) =>
        ReadAsync(transaction, """
            SELECT role, agency_id, sum(n)::bigint FROM outcome_agencies_daily
            WHERE ($1::date IS NULL OR day >= $1) AND ($2::date IS NULL OR (day < $2 AND known_day < $2))
            GROUP BY 1, 2 HAVING sum(n) <> 0
            """, days, r => new OutcomeAgencyFact("", r.GetString(0), r.GetString(1)) { Count = r.GetInt64(2) }, cancellationToken);

    /// <summary>O6: the gaps found with a whole-day period's outcomes recorded by its end, by gap.</summary>
    public static Task<IReadOnlyList<GapFact>> GapsAsync(NpgsqlTransaction transaction, RolledDays days, CancellationToken cancellationToken) =>
        ReadAsync(transaction, """
            SELECT gap, sum(n)::bigint FROM outcome_gaps_daily
            WHERE ($1::date IS NULL OR day >= $1) AND ($2::date IS NULL OR (day < $2 AND known_day < $2))
            GROUP BY 1 HAVING sum(n) <> 0
            """, days, r => new GapFact("", r.GetString(0)) { Count = r.GetInt64(1) }, cancellationToken);

    /// <summary>
    /// O4: the agencies owed the outcomes of a whole-day period's referrals recorded by its end, by
    /// recipient and whether told by its end (a day before it; any day when it has no end), with the
    /// time the telling took them in all (none counted for those not told by the end).
    /// </summary>
    public static Task<IReadOnlyList<FeedbackOwedFact>> FeedbackOwedAsync(NpgsqlTransaction transaction, RolledDays days, CancellationToken cancellationToken) =>
        ReadAsync(transaction, """
            SELECT to_referrer, CASE WHEN $2::date IS NULL THEN told_day <> 'infinity' ELSE told_day < $2 END, sum(n)::bigint, sum(micros_to_tell)
            FROM feedback_daily
            WHERE ($1::date IS NULL OR day >= $1) AND ($2::date IS NULL OR (day < $2 AND known_day < $2))
            GROUP BY 1, 2 HAVING sum(n) <> 0
            """, days, r => new FeedbackOwedFact(r.GetBoolean(0), r.GetBoolean(1), r.GetBoolean(1) ? r.GetDecimal(3) : 0) { Count = r.GetInt64(2) }, cancellationToken);

    /// <summary>O7: the whole days' consultations, by agency and kind.</summary>
    public static Task<IReadOnlyList<ConsultationFact>> ConsultationsAsync(NpgsqlTransaction transaction, RolledDays days, CancellationToken cancellationToken) =>
        ReadAsync(transaction, """
            SELECT agency_id, kind, sum(n)::bigint FROM consultations_daily
            WHERE ($1::date IS NULL OR day >= $1) AND ($2::date IS NULL OR day < $2)
            GROUP BY 1, 2 HAVING sum(n) <> 0
            """, days, r => new ConsultationFact("", r.GetString(0), r.GetString(1), default) { Count = r.GetInt64(2) }, cancellationToken);

    /// <summary>A rollup's rows for the whole days ($1 from, $2 to; null unbounded), and any parameters more ($3 on).</summary>
    internal static async Task<IReadOnlyList<T>> ReadAsync<T>(
        NpgsqlTransaction transaction, string sql, RolledDays days, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken, params NpgsqlParameter[] more)
    {
        await using var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        command.Parameters.Add(new() { NpgsqlDbType = NpgsqlDbType.Date, Value = (object?)days.From ?? DBNull.Value });
        command.Parameters.Add(new() { NpgsqlDbType = NpgsqlDbType.Date, Value = (object?)days.To ?? DBNull.Value });
        command.Parameters.AddRange(more);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }
        return rows;
    }
}
