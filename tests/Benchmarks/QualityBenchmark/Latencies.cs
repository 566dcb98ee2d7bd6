namespace QualityBenchmark;

/// <summary>Call times in milliseconds, and their percentiles (nearest rank).</summary>
internal sealed class Latencies
{
    private readonly List<double> values = [];

    public int Count => values.Count;

    public void Add(TimeSpan elapsed) => values.Add(elapsed.TotalMilliseconds);

    public double Percentile(int p)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];
    }

    public string Summary => $"p50 {Percentile(50):N0} ms, p95 {Percentile(95):N0} ms, p99 {Percentile(99):N0} ms, max {values.DefaultIfEmpty().Max():N0} ms";
}
