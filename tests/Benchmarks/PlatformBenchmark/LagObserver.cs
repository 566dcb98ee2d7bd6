using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace PlatformBenchmark;

/// <summary>One look at the projections: each one's count and how far it is behind the acknowledgements.</summary>
internal sealed record Sample(TimeSpan At, long Acknowledged, long[] Counts, Lag[] Lags);

/// <summary>What the projections did during one load and after it.</summary>
internal sealed class Observation(int projections)
{
    public List<Sample> Samples { get; } = [];

    /// <summary>Each projection's largest lag sampled while the load ran.</summary>
    public Lag[] MaxLag { get; } = new Lag[projections];

    /// <summary>From the load's start until it ended (its last acknowledgement).</summary>
    public TimeSpan LoadTime { get; set; }

    /// <summary>The contacts acknowledged when the load ended, counted from the run's start.</summary>
    public long Acknowledged { get; set; }

    /// <summary>From the load's start until each projection held every acknowledged contact; null if it never did within the time allowed.</summary>
    public TimeSpan?[] Complete { get; } = new TimeSpan?[projections];

    /// <summary>How busy the machine's cores were while the load ran (all processes, 0 to 1).</summary>
    public double MachineBusy { get; set; }

    /// <summary>The processes that used most CPU while the load ran, in cores.</summary>
    public string Busiest { get; set; } = "";

    /// <summary>The same from the load's end until every projection held everything.</summary>
    public string BusiestCatchingUp { get; set; } = "";

    public bool AllComplete => Complete.All(c => c is not null);

    /// <summary>How long after the load ended each projection held everything (zero if it already did).</summary>
    public TimeSpan? CatchUp(int projection) => Complete[projection] is { } complete ? Max(TimeSpan.Zero, complete - LoadTime) : null;

    public TimeSpan? LastComplete => AllComplete ? Complete.Max() : null;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}

/// <summary>
/// Samples the projections once a second while a load runs, then until each holds every contact
/// acknowledged, printing a line a second while the load runs (every fifth after it). Counting is a
/// <c>count(*)</c> in each service's database, a few per cent of a core at these sizes.
/// </summary>
internal sealed class LagObserver(Projections projections, Acknowledgements acknowledgements)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    public async Task<Observation> ObserveAsync(Func<Task> load, TimeSpan catchUpTimeout, CancellationToken cancellationToken)
    {
        var observation = new Observation(Projections.All.Length);
        var start = Stopwatch.GetTimestamp();
        var cpu = MachineLoad.Cpu();
        var processes = ProcessCpu.Take();
        var running = load();
        var tick = 0;
        while (!running.IsCompleted)
        {
            tick++;
            var next = start + (long)(tick * Interval.TotalSeconds * Stopwatch.Frequency);
            await Task.WhenAny(running, Task.Delay(Until(next), cancellationToken));
            if (running.IsCompleted)
            {
                break;
            }
            if (await SampleAsync(start, cancellationToken) is { } sample)
            {
                observation.Samples.Add(sample);
                for (var i = 0; i < sample.Lags.Length; i++)
                {
                    if (sample.Lags[i].Time > observation.MaxLag[i].Time || (sample.Lags[i].Time == observation.MaxLag[i].Time && sample.Lags[i].Contacts > observation.MaxLag[i].Contacts))
                    {
                        observation.MaxLag[i] = sample.Lags[i];
                    }
                }
                Print(sample);
            }
        }
        await running;   // a failed load fails the phase here
        observation.LoadTime = Stopwatch.GetElapsedTime(start);
        observation.Acknowledged = acknowledgements.Count;
        observation.MachineBusy = MachineLoad.Cpu().BusySince(cpu);
        var loadEnded = ProcessCpu.Take();
        observation.Busiest = loadEnded.BusiestSince(processes);

        // Then until every projection has it all, once a second from the load's end.
        var end = Stopwatch.GetTimestamp();
        for (var after = 0; ; after++)
        {
            if (await SampleAsync(start, cancellationToken) is { } sample)
            {
                observation.Samples.Add(sample);
                for (var i = 0; i < sample.Counts.Length; i++)
                {
                    if (observation.Complete[i] is null && sample.Counts[i] >= observation.Acknowledged)
                    {
                        observation.Complete[i] = sample.At;
                    }
                }
                if (observation.AllComplete || after % 5 == 0)
                {
                    Print(sample);
                }
                if (observation.AllComplete)
                {
                    observation.BusiestCatchingUp = ProcessCpu.Take().BusiestSince(loadEnded);
                    return observation;
                }
            }
            if (Stopwatch.GetElapsedTime(end) > catchUpTimeout)
            {
                observation.BusiestCatchingUp = ProcessCpu.Take().BusiestSince(loadEnded);
                return observation;
            }
            await Task.Delay(Until(end + (long)((after + 1) * Interval.TotalSeconds * Stopwatch.Frequency)), cancellationToken);
        }
    }

    private async Task<Sample?> SampleAsync(long start, CancellationToken cancellationToken)
    {
        long[] counts;
        try
        {
            counts = await projections.CountAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            // A database too busy to answer is a finding, not the benchmark's failure: the next sample tries again.
            Console.WriteLine($"  sample failed: {e.GetType().Name}: {e.Message}");
            return null;
        }
        var now = Stopwatch.GetTimestamp();
        var acknowledged = acknowledgements.Count;
        return new Sample(Stopwatch.GetElapsedTime(start, now), acknowledged, counts,
            [.. counts.Select(count => acknowledgements.LagOf(count, acknowledged, now))]);
    }

    private static TimeSpan Until(long timestamp)
    {
        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp);
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    private static void Print(Sample sample)
    {
        var lags = string.Join(" | ", Projections.All.Select((p, i) => string.Create(CultureInfo.InvariantCulture,
            $"{p.Service} {sample.Lags[i].Contacts,7:N0} {sample.Lags[i].Time.TotalSeconds,5:0.0} s")));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {sample.At.TotalSeconds,6:0.0} s  acked {sample.Acknowledged,9:N0}  behind: {lags}"));
    }
}
