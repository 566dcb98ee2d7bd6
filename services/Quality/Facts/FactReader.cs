using System.Data;
using Mash.Contracts.Common.V1;
using Npgsql;
using NpgsqlTypes;

namespace Mash.Quality.Facts;

/// <summary>
/// Reads a period's facts, all from one snapshot so the indicators agree with each other. The
/// period's contacts are those received in it; their ratings (R1), timed decisions (T1) and outcomes
/// (O1, O3) are read as known at the period's end, whenever in the period they came. Given the
/// catalogue's time zone, every measure with a per-day rollup is summed from it (<see cref="RollupReader"/>,
/// <see cref="ActivityRollups"/>, <see cref="DepthRollups"/>) instead of read one by one.
/// </summary>
internal sealed class FactReader(NpgsqlDataSource dataSource, TimeZoneInfo? zone = null)
{
    private const string InPeriod = "($1::timestamptz IS NULL OR occurred_at >= $1) AND ($2::timestamptz IS NULL OR occurred_at < $2)";

    /// <summary>
    /// The period's outcomes: those of the period's contacts (received in it; an outcome whose receipt
    /// Outcomes never said counts by its own time), recorded by the period's end. The outcome is the
    /// one in force: a correction says the recorded one was wrong, so it replaces it in every period.
    /// </summary>
    internal static readonly string PeriodsOutcomes = $"{Within("coalesce(contact_received_at, occurred_at)")} AND {KnownByTheEnd("occurred_at")}";

    /// <summary>Whether <paramref name="column"/> happened before the period's end ($2): what was known at the end.</summary>
    internal static string KnownByTheEnd(string column) => $"($2::timestamptz IS NULL OR {column} < $2)";

    /// <summary>Whether <paramref name="column"/> falls in the period ($1, $2); unbounded where null.</summary>
    internal static string Within(string column) => $"($1::timestamptz IS NULL OR {column} >= $1) AND ($2::timestamptz IS NULL OR {column} < $2)";

    public async Task<ScorecardFacts> ReadAsync(Period period, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        // The rollups answer for whole local days when keyed by the catalogue's zone; without a zone (or another) the facts do.
        var days = zone is not null && await RollupReader.KeyedByAsync(transaction, zone, cancellationToken) ? RolledDays.Of(period, zone) : null;
        var contacts = days is null ? await ReadContactsAsync(transaction, period, cancellationToken) : await RollupReader.WithEdgesAsync(transaction, days, RollupReader.ContactsAsync, ReadContactsAsync, cancellationToken);
        // Ratings, outcomes and timed decisions follow the period's end as well as its contacts' days, so only a period of whole days is summed.
        var ratings = days is { Whole: true } ? await RollupReader.RatingsAsync(transaction, days, cancellationToken) : await ReadRatingsAsync(transaction, period, cancellationToken);
        var outcomes = days is { Whole: true } ? await RollupReader.OutcomesAsync(transaction, days, cancellationToken) : await ReadOutcomesAsync(transaction, period, cancellationToken);
        var timings = days is { Whole: true } ? await RollupReader.TimingsAsync(transaction, days, cancellationToken) : await ReadTimingsAsync(transaction, period, cancellationToken);
        var activity = await ActivityReader.ReadAsync(transaction, period, days, cancellationToken);
        var depth = await DepthReader.ReadAsync(transaction, period, days, zone, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ScorecardFacts(contacts, ratings, outcomes, timings) { Activity = activity, Depth = depth, End = period.To };
    }

    private static Task<IReadOnlyList<ContactFact>> ReadContactsAsync(NpgsqlTransaction transaction, Period period, CancellationToken cancellationToken) =>
        ReadAsync(transaction,
            $"SELECT contact_id, agency_id, occurred_at, contact_type, pathway, incident_at, dash_risk, consent FROM contacts WHERE {InPeriod}", period,
            r => new ContactFact(r.GetString(0), r.GetString(1), r.GetDateTime(2), r.GetString(3), (Pathway)r.GetInt16(4))
            {
                IncidentAt = r.IsDBNull(5) ? null : r.GetDateTime(5), DashRisk = r.GetString(6), Consent = r.GetString(7),
            }, cancellationToken);

    private static Task<IReadOnlyList<OutcomeFact>> ReadOutcomesAsync(NpgsqlTransaction transaction, Period period, CancellationToken cancellationToken) =>
        ReadAsync(transaction, $"""
            SELECT case_ref, outcome, threshold_met, is_repeat_referral, occurred_at, agency_id, contact_received_at, initial_rag, final_rag
            FROM outcomes WHERE {PeriodsOutcomes}
            """, period, r => new OutcomeFact(r.GetString(0), r.GetString(1), r.GetBoolean(2), r.GetBoolean(3), r.GetDateTime(4))
            {
                AgencyId = r.GetString(5), ContactReceivedAt = r.IsDBNull(6) ? null : r.GetDateTime(6), InitialRag = (Rag)r.GetInt16(7), FinalRag = (Rag)r.GetInt16(8),
            }, cancellationToken);

    private static Task<IReadOnlyList<RatingFact>> ReadRatingsAsync(NpgsqlTransaction transaction, Period period, CancellationToken cancellationToken) =>
        ReadAsync(transaction, $"""
            SELECT DISTINCT ON (h.contact_id) h.contact_id, h.rag, h.occurred_at FROM rating_history h JOIN contacts c USING (contact_id)
            WHERE {Within("c.occurred_at")} AND {KnownByTheEnd("h.occurred_at")}
            ORDER BY h.contact_id, h.occurred_at DESC
            """, period, r => new RatingFact(r.GetString(0), (Rag)r.GetInt16(1), r.GetDateTime(2)), cancellationToken);

    private static Task<IReadOnlyList<DecisionTimingFact>> ReadTimingsAsync(NpgsqlTransaction transaction, Period period, CancellationToken cancellationToken) =>
        ReadAsync(transaction, $"""
            SELECT t.contact_id, t.rag, t.within_target, t.occurred_at FROM decision_timings t JOIN contacts c USING (contact_id)
            WHERE {Within("c.occurred_at")} AND {KnownByTheEnd("t.occurred_at")}
            """, period, r => new DecisionTimingFact(r.GetString(0), (Rag)r.GetInt16(1), r.GetBoolean(2), r.GetDateTime(3)), cancellationToken);

    internal static async Task<IReadOnlyList<T>> ReadAsync<T>(
        NpgsqlTransaction transaction, string sql, Period period, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken, params NpgsqlParameter[] more)
    {
        await using var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        command.Parameters.Add(new() { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (object?)period.From ?? DBNull.Value });
        command.Parameters.Add(new() { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (object?)period.To ?? DBNull.Value });
        command.Parameters.AddRange(more);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var facts = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            facts.Add(read(reader));
        }
        return facts;
    }
}
