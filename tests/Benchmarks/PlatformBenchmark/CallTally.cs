using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using GrpcBenchmark;

namespace PlatformBenchmark;

/// <summary>
/// The answers to one phase's calls: the latency of each acknowledgement, and every other answer by
/// its status code. RESOURCE_EXHAUSTED and UNAVAILABLE are the platform shedding load, a status a
/// client retries on; DEADLINE_EXCEEDED is the platform too slow to answer; anything else is a
/// failure no load excuses (the contacts are valid and the token known).
/// </summary>
internal sealed class CallTally
{
    private readonly Histogram latencies = new();
    private readonly ConcurrentDictionary<StatusCode, long> failures = new();
    private string? firstUnexpected;

    public long Acknowledged { get; private set; }

    public IReadOnlyDictionary<StatusCode, long> Failures => failures;

    public long Shed => failures.Where(f => IsShedding(f.Key)).Sum(f => f.Value);

    public long Unexpected => failures.Where(f => !IsShedding(f.Key) && f.Key != StatusCode.DeadlineExceeded).Sum(f => f.Value);

    public string? FirstUnexpected => firstUnexpected;

    public double P50Ms { get { lock (latencies) { return Ms(latencies.Percentile(0.50)); } } }

    public double P99Ms { get { lock (latencies) { return Ms(latencies.Percentile(0.99)); } } }

    public static bool IsShedding(StatusCode code) => code is StatusCode.ResourceExhausted or StatusCode.Unavailable;

    public void Ok(long elapsedTicks)
    {
        lock (latencies)
        {
            // In microseconds: the histogram's midpoints overflow above 2^31 of its unit, which in
            // Stopwatch ticks (ns here) is 2.1 s, a latency a loaded platform does reach.
            latencies.Record(elapsedTicks * 1_000_000 / Stopwatch.Frequency);
            Acknowledged++;
        }
    }

    public void Failed(StatusCode code, string detail)
    {
        failures.AddOrUpdate(code, 1, (_, n) => n + 1);
        if (!IsShedding(code) && code != StatusCode.DeadlineExceeded)
        {
            Interlocked.CompareExchange(ref firstUnexpected, $"{code}: {detail}", null);
        }
    }

    /// <summary>Every code but OK, the shed ones first, e.g. "shed 12 (UNAVAILABLE 12); DEADLINE_EXCEEDED 1", or "none".</summary>
    public string Describe()
    {
        if (failures.IsEmpty)
        {
            return "none";
        }
        var shed = failures.Where(f => IsShedding(f.Key)).OrderBy(f => f.Key).ToList();
        var other = failures.Where(f => !IsShedding(f.Key)).OrderBy(f => f.Key).Select(f => $"{Name(f.Key)} {f.Value:N0}");
        return string.Join("; ", new[] { shed.Count > 0 ? $"shed {Shed:N0} ({string.Join(", ", shed.Select(f => $"{Name(f.Key)} {f.Value:N0}"))})" : null }
            .Concat(other).OfType<string>());
    }

    /// <summary>The code as gRPC spells it: ResourceExhausted is RESOURCE_EXHAUSTED.</summary>
    public static string Name(StatusCode code) => code == StatusCode.OK ? "OK"
        : string.Concat(code.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();

    private static double Ms(long microseconds) => microseconds / 1000.0;
}
