namespace QualityBenchmark;

/// <summary>
/// Call times in milliseconds, and their percentiles (nearest rank). A call that failed (at 10M a
/// statement may pass Npgsql's 30 s command timeout) is timed to its failure and named in the summary.
/// </summary>
internal sealed class Latencies
{
    private readonly List<double> values = [];
    private readonly List<string> failures = [];

    public int Count => values.Count;

    public void Add(TimeSpan elapsed) => values.Add(elapsed.TotalMilliseconds);

    /// <summary>Times <paramref name="call"/>, failed or not.</summary>
    public async Task<TimeSpan> TimeAsync(Func<Task> call)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            await call();
        }
        catch (Exception failure) when (failure is Grpc.Core.RpcException or Npgsql.NpgsqlException or TimeoutException)
        {
            failures.Add(failure is Grpc.Core.RpcException rpc ? $"{rpc.StatusCode}: {rpc.Status.Detail}" : failure.Message);
        }
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        Add(elapsed);
        return elapsed;
    }

    public double Percentile(int p)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];
    }

    public string Summary => $"p50 {Percentile(50):N0} ms, p95 {Percentile(95):N0} ms, p99 {Percentile(99):N0} ms, max {values.DefaultIfEmpty().Max():N0} ms" +
        (failures.Count == 0 ? "" : $" ({failures.Count} FAILED, timed to their failure: {string.Join("; ", failures.Distinct())})");
}
