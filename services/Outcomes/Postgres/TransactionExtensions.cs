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

    /// <summary>A text[] parameter: a string[] given alone to a <c>params object[]</c> would be taken as the values themselves.</summary>
    public static NpgsqlParameter Texts(IEnumerable<string> texts) =>
        new() { Value = texts.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };

    /// <summary>The first column of each row of one parameterised query, as text, in the query's order.</summary>
    public static Task<IReadOnlyList<string>> ReadStringsAsync(this NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params object[] values) =>
        transaction.ReadAsync(sql, row => row.GetString(0), cancellationToken, values);

    /// <summary>Each row of one parameterised query, made into a <typeparamref name="T"/> by <paramref name="read"/>, in the query's order.</summary>
    public static async Task<IReadOnlyList<T>> ReadAsync<T>(
        this NpgsqlTransaction transaction, string sql, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        foreach (var value in values)
        {
            command.Parameters.Add(value as NpgsqlParameter ?? new() { Value = value });
        }
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }
        return rows;
    }

    /// <summary>One parameterised statement for an <see cref="NpgsqlBatch"/>, so several go to PostgreSQL in one round trip.</summary>
    public static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(value as NpgsqlParameter ?? new() { Value = value });
        }
        return command;
    }
}
