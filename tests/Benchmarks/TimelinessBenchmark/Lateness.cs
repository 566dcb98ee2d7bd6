using Npgsql;

namespace TimelinessBenchmark;

/// <summary>How late alerts were, from the alert log: raised_at (when the scheduler's claiming transaction took its time) and first seen by a reader polling the log, each after the alert's moment.</summary>
internal sealed class Lateness(NpgsqlDataSource database)
{
    private readonly List<double> seenLate = [];
    private long through;

    public IReadOnlyList<double> SeenLateSeconds => seenLate;

    /// <summary>Reads the log every <paramref name="interval"/> until <paramref name="expected"/> alerts are in it, noting how late each appeared.</summary>
    public async Task FollowAsync(int expected, TimeSpan interval, CancellationToken cancellationToken)
    {
        while (seenLate.Count < expected)
        {
            await using var command = database.CreateCommand("SELECT sequence, occurred_at FROM alerts WHERE sequence > $1 ORDER BY sequence");
            command.Parameters.Add(new() { Value = through });
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                var now = DateTimeOffset.UtcNow;
                while (await reader.ReadAsync(cancellationToken))
                {
                    through = reader.GetInt64(0);
                    seenLate.Add((now - reader.GetFieldValue<DateTimeOffset>(1)).TotalSeconds);
                }
            }
            await Task.Delay(interval, cancellationToken);
        }
    }

    /// <summary>p50, p99 and max of raised_at - occurred_at over the whole log, in seconds.</summary>
    public async Task<(double P50, double P99, double Max)> RaisedAsync()
    {
        await using var command = database.CreateCommand("""
            SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY l), percentile_cont(0.99) WITHIN GROUP (ORDER BY l), max(l)
            FROM (SELECT extract(epoch FROM raised_at - occurred_at)::float8 AS l FROM alerts) AS late
            """);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetDouble(0), reader.GetDouble(1), reader.GetDouble(2));
    }

    public static double Percentile(IReadOnlyList<double> values, double percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
