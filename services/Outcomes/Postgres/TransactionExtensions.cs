using Npgsql;
using NpgsqlTypes;

namespace Mash.Outcomes.Postgres;

internal static class TransactionExtensions
{
    /// <summary>
    /// Runs one parameterised statement ($1, $2, … in order of <paramref name="values"/>) inside the
    /// transaction; a value that is an <see cref="NpgsqlParameter"/> is taken as it is.
    /// </summary>
    public static async Task ExecuteAsync(this NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        foreach (var value in values)
        {
            command.Parameters.Add(value as NpgsqlParameter ?? new() { Value = value });
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A timestamptz[] parameter (each instant in UTC), typed so an array of them is never read as timestamp[].</summary>
    public static NpgsqlParameter Instants(IEnumerable<DateTime> instants) =>
        new() { Value = instants.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz };

    /// <summary>The first column of each row of one parameterised query, as text, in the query's order.</summary>
    public static async Task<IReadOnlyList<string>> ReadStringsAsync(this NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        foreach (var value in values)
        {
            command.Parameters.Add(new() { Value = value });
        }
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var strings = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            strings.Add(reader.GetString(0));
        }
        return strings;
    }
}
