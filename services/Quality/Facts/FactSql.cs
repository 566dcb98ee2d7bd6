using Npgsql;
using NpgsqlTypes;

namespace Mash.Quality.Facts;

/// <summary>What every fact writer shares: folding a batch to one fact per row, and one statement per batch.</summary>
internal static class FactSql
{
    // The later by occurred_at; on a tie the one that arrived later, as the upsert's >= decides.
    public static Func<T, T, T> Latest<T>(Func<T, DateTime> occurredAt) =>
        (kept, next) => occurredAt(next) >= occurredAt(kept) ? next : kept;

    // Folds each key's facts in the order they arrived, and orders the keys.
    public static IEnumerable<T> OnePerKey<T>(IEnumerable<T> facts, Func<T, string> keyOf, Func<T, T, T> fold) =>
        facts.GroupBy(keyOf, StringComparer.Ordinal)
            .Select(key => key.Aggregate(fold))
            .OrderBy(keyOf, StringComparer.Ordinal);

    // timestamptz[] typed, so an array of instants is never taken for timestamp[]; each must be UTC.
    public static NpgsqlParameter Instants(IEnumerable<DateTime> instants) =>
        new() { Value = instants.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz };

    // The same for instants that may be unknown (null).
    public static NpgsqlParameter Instants(IEnumerable<DateTime?> instants) =>
        new() { Value = instants.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz };

    public static async Task ExecuteAsync(NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        foreach (var value in values)
        {
            command.Parameters.Add(value as NpgsqlParameter ?? new() { Value = value });
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
