using Npgsql;

namespace Mash.Triage.Reporting;

/// <summary>Runs a grouped count over a window: its SQL takes $1 from, $2 to and $3 the period's date_trunc field.</summary>
internal static class Counting
{
    /// <summary>The SQL of a period's start, for an instant column.</summary>
    public static string PeriodOf(string column) => $"date_trunc($3, {column} AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'";

    public static async Task<IReadOnlyList<PeriodCount<TKey>>> CountAsync<TKey>(
        NpgsqlDataSource database, string sql, CountWindow window, Func<NpgsqlDataReader, TKey> key, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(sql);
        command.Parameters.Add(new() { Value = window.From.ToUniversalTime() });
        command.Parameters.Add(new() { Value = window.To.ToUniversalTime() });
        command.Parameters.Add(new() { Value = window.Period });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new List<PeriodCount<TKey>>();
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add(new PeriodCount<TKey>(reader.GetFieldValue<DateTimeOffset>(0), key(reader), reader.GetInt64(reader.FieldCount - 1)));
        }
        return counts;
    }
}
