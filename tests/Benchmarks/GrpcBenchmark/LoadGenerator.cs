using System.Diagnostics;
using System.Numerics;

namespace GrpcBenchmark;

/// <summary>One kind of call to measure: the load generator drives every target the same way.</summary>
internal interface IBenchTarget
{
    string Name { get; }

    /// <summary>One complete call; throws when the call fails or its answer is wrong.</summary>
    Task CallAsync(long id);
}

/// <summary>What one measurement gave.</summary>
internal sealed record Measurement(string Name, long Calls, double Seconds, double P50Ms, double P99Ms, double BytesPerCall, double CpuSeconds, double GcPauseMs, long PromotedBytesPerGc, int Gen0, int Gen1, int Gen2)
{
    public double CallsPerSecond => Calls / Seconds;

    /// <summary>Process CPU time (client and server) per call: steadier than calls/s on a shared machine.</summary>
    public double CpuMicrosecondsPerCall => Calls == 0 ? 0 : CpuSeconds * 1e6 / Calls;

    /// <summary>How many cores the process kept busy.</summary>
    public double Cores => CpuSeconds / Seconds;
}

/// <summary>
/// N async workers, each looping calls back to back for a fixed time after a warm-up; each call's
/// latency goes into the worker's own preallocated histogram, so measuring allocates nothing.
/// </summary>
internal static class LoadGenerator
{
    public static async Task<Measurement> RunAsync(IBenchTarget target, int concurrency, TimeSpan warmup, TimeSpan duration)
    {
        var histograms = new Histogram[concurrency];
        for (var i = 0; i < concurrency; i++)
        {
            histograms[i] = new Histogram();
        }
        // Let the previous measurement's garbage go before this one starts.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var begin = Stopwatch.GetTimestamp();
        var measureStart = begin + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var measureEnd = measureStart + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var allocatedAtStart = new long[1];
        var cpuAtStart = new TimeSpan[1];
        var pauseAtStart = new TimeSpan[1];
        var gcAtStart = new int[3];
        var startSampled = 0;

        var workers = new Task[concurrency];
        for (var i = 0; i < concurrency; i++)
        {
            var histogram = histograms[i];
            var workerId = i;
            workers[i] = Task.Run(async () =>
            {
                long id = (long)workerId << 40;
                while (true)
                {
                    var callStart = Stopwatch.GetTimestamp();
                    if (callStart >= measureEnd)
                    {
                        return;
                    }
                    if (callStart >= measureStart && Interlocked.Exchange(ref startSampled, 1) == 0)
                    {
                        allocatedAtStart[0] = GC.GetTotalAllocatedBytes(precise: false);
                        cpuAtStart[0] = Process.GetCurrentProcess().TotalProcessorTime;
                        pauseAtStart[0] = GC.GetTotalPauseDuration();
                        gcAtStart[0] = GC.CollectionCount(0);
                        gcAtStart[1] = GC.CollectionCount(1);
                        gcAtStart[2] = GC.CollectionCount(2);
                    }
                    await target.CallAsync(id++).ConfigureAwait(false);
                    var callEnd = Stopwatch.GetTimestamp();
                    // A call counts when it started and ended inside the measured window.
                    if (callStart >= measureStart && callEnd < measureEnd)
                    {
                        histogram.Record(callEnd - callStart);
                    }
                }
            });
        }
        await Task.WhenAll(workers).ConfigureAwait(false);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart[0];
        var pause = GC.GetTotalPauseDuration() - pauseAtStart[0];
        var promoted = GC.GetGCMemoryInfo(GCKind.Ephemeral).PromotedBytes;
        var allocated = GC.GetTotalAllocatedBytes(precise: false) - allocatedAtStart[0];
        var gen0 = GC.CollectionCount(0) - gcAtStart[0];
        var gen1 = GC.CollectionCount(1) - gcAtStart[1];
        var gen2 = GC.CollectionCount(2) - gcAtStart[2];

        var total = new Histogram();
        foreach (var histogram in histograms)
        {
            total.Add(histogram);
        }
        var calls = total.Count;
        return new Measurement(
            target.Name,
            calls,
            duration.TotalSeconds,
            TicksToMs(total.Percentile(0.50)),
            TicksToMs(total.Percentile(0.99)),
            calls == 0 ? 0 : (double)allocated / calls,
            cpu.TotalSeconds,
            pause.TotalMilliseconds,
            promoted,
            gen0, gen1, gen2);
    }

    private static double TicksToMs(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}

/// <summary>
/// A log-linear histogram of Stopwatch ticks: exact below 256 ticks, then 128 buckets per power
/// of two (under 0.8 % error), fixed size, so recording never allocates.
/// </summary>
internal sealed class Histogram
{
    private const int SubBuckets = 128;
    private const int Buckets = SubBuckets * 64;
    private readonly long[] counts = new long[Buckets];

    public long Count { get; private set; }

    public void Record(long ticks)
    {
        counts[Index(Math.Max(ticks, 0))]++;
        Count++;
    }

    public void Add(Histogram other)
    {
        for (var i = 0; i < Buckets; i++)
        {
            counts[i] += other.counts[i];
        }
        Count += other.Count;
    }

    /// <summary>The value below which the given fraction of the recorded values fall (a bucket's midpoint).</summary>
    public long Percentile(double fraction)
    {
        if (Count == 0)
        {
            return 0;
        }
        var rank = (long)Math.Ceiling(fraction * Count);
        long seen = 0;
        for (var i = 0; i < Buckets; i++)
        {
            seen += counts[i];
            if (seen >= rank)
            {
                return Midpoint(i);
            }
        }
        return Midpoint(Buckets - 1);
    }

    private static int Index(long value)
    {
        if (value < 2 * SubBuckets)
        {
            return (int)value;
        }
        var shift = 63 - BitOperations.LeadingZeroCount((ulong)value) - 7;
        return (SubBuckets * shift) + (int)(value >> shift);
    }

    private static long Midpoint(int index)
    {
        if (index < 2 * SubBuckets)
        {
            return index;
        }
        var shift = (index / SubBuckets) - 1;
        var mantissa = (index % SubBuckets) + SubBuckets;
        return ((long)mantissa << shift) + ((1L << shift) / 2);
    }
}
