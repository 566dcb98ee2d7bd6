using System.Data;
using Mash.Contracts.Common.V1;
using Npgsql;
using NpgsqlTypes;

namespace Mash.Quality.Facts;

/// <summary>Reads a period's facts, all from one snapshot so the indicators agree with each other.</summary>
internal sealed class FactReader(NpgsqlDataSource dataSource)
{
    private const string InPeriod = "($1::timestamptz IS NULL OR occurred_at >= $1) AND ($2::timestamptz IS NULL OR occurred_at < $2)";

    /// <summary>Whether <paramref name="column"/> falls in the period ($1, $2); unbounded where null.</summary>
    internal static string Within(string column) => $"($1::timestamptz IS NULL OR {column} >= $1) AND ($2::timestamptz IS NULL OR {column} < $2)";

    public async Task<ScorecardFacts> ReadAsync(Period period, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var contacts = await ReadAsync(transaction, $"SELECT contact_id, agency_id, occurred_at, contact_type, pathway FROM contacts WHERE {InPeriod}", period,
            r => new ContactFact(r.GetString(0), r.GetString(1), r.GetDateTime(2), r.GetString(3), (Pathway)r.GetInt16(4)), cancellationToken);
        var ratings = await ReadAsync(transaction, $"SELECT contact_id, rag, occurred_at FROM ratings WHERE {InPeriod}", period,
            r => new RatingFact(r.GetString(0), (Rag)r.GetInt16(1), r.GetDateTime(2)), cancellationToken);
        var outcomes = await ReadAsync(transaction, $"SELECT case_ref, outcome, threshold_met, is_repeat_referral, occurred_at FROM outcomes WHERE {InPeriod}", period,
            r => new OutcomeFact(r.GetString(0), r.GetString(1), r.GetBoolean(2), r.GetBoolean(3), r.GetDateTime(4)), cancellationToken);
        var timings = await ReadAsync(transaction, $"SELECT contact_id, rag, within_target, occurred_at FROM decision_timings WHERE {InPeriod}", period,
            r => new DecisionTimingFact(r.GetString(0), (Rag)r.GetInt16(1), r.GetBoolean(2), r.GetDateTime(3)), cancellationToken);
        var activity = await ActivityReader.ReadAsync(transaction, period, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ScorecardFacts(contacts, ratings, outcomes, timings) { Activity = activity };
    }

    internal static async Task<IReadOnlyList<T>> ReadAsync<T>(
        NpgsqlTransaction transaction, string sql, Period period, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        command.Parameters.Add(new() { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (object?)period.From ?? DBNull.Value });
        command.Parameters.Add(new() { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (object?)period.To ?? DBNull.Value });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var facts = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            facts.Add(read(reader));
        }
        return facts;
    }
}
