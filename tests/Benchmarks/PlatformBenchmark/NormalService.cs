using System.Diagnostics;
using System.Globalization;

namespace PlatformBenchmark;

/// <summary>
/// What "back to normal" means for the platform, as signs to look at once a disturbance has
/// ended: Intake answers a frontline app again, and as fast as before; every projection holds every
/// contact acknowledged; every service says it is ready, and the AppHost sees every resource healthy;
/// the queues and outboxes hold no more than they did before.
/// </summary>
internal sealed class NormalService(IntakeProbe probe, ResourceHealth health, QueueDepths queues, Projections projections, Acknowledgements acknowledgements)
{
    /// <summary>Probes in a row within the latency limit that count as served as before (about a second's worth).</summary>
    public const int ProbesInARow = 3;

    /// <summary>A probe answered within this many times the baseline's median is served as before.</summary>
    public const double LatencyFactor = 2;

    public IntakeProbe Probe => probe;

    public ResourceHealth Health => health;

    public QueueDepths Queues => queues;

    public Projections Projections => projections;

    public Acknowledgements Acknowledgements => acknowledgements;

    /// <summary>The latency a probe must answer within to count as served as before.</summary>
    public static TimeSpan LatencyLimit(ProbeBaseline baseline) => baseline.P50 * LatencyFactor;

    /// <summary>
    /// The signs, looked at from <paramref name="since"/>: projections must hold the first
    /// <paramref name="acknowledged"/> contacts of the run (null while the disturbance's last calls
    /// are still being answered: the number is not known yet), queues and outboxes hold at most
    /// <paramref name="normalDepth"/> between them.
    /// </summary>
    public IReadOnlyList<Sign> Signs(long since, ProbeBaseline baseline, Func<long?> acknowledged, long normalDepth)
    {
        var limit = LatencyLimit(baseline);
        return
        [
            new("Intake answers OK", TimeSpan.FromMilliseconds(100), _ => Task.FromResult(probe.FirstOk(since) is { } ok
                ? new Reading(true, Invariant($"a probe acknowledged in {ok.Latency.TotalMilliseconds:0.0} ms"), ok.AnsweredAt)
                : new Reading(false, Codes(probe.Sent(since))))),
            new("Intake answers as before", TimeSpan.FromMilliseconds(100), _ =>
                Task.FromResult(probe.Normal(since, limit, ProbesInARow) is { } first
                    ? new Reading(true, Invariant($"{ProbesInARow} probes running within {limit.TotalMilliseconds:0.0} ms ({LatencyFactor:0}x the p50 before), the first in {first.Latency.TotalMilliseconds:0.0} ms"), first.AnsweredAt)
                    : new Reading(false, Codes(probe.Sent(since))))),
            new("every projection holds every acknowledged contact", TimeSpan.FromSeconds(1), async ct =>
            {
                if (acknowledged() is not { } all)
                {
                    return new Reading(false, "the last calls not answered yet");
                }
                var counts = await projections.CountAsync(ct);
                var behind = Projections.All.Zip(counts).Where(p => p.Second < all).Select(p => Invariant($"{p.First.Service} {all - p.Second:N0} behind")).ToList();
                return new Reading(behind.Count == 0, behind.Count == 0 ? Invariant($"all {all:N0}") : string.Join(", ", behind));
            }),
            new("every service ready (its own /health)", TimeSpan.FromMilliseconds(250), async ct =>
            {
                var unready = await health.UnreadyServicesAsync(ct);
                return new Reading(unready.Count == 0, unready.Count == 0 ? "all five" : "not ready: " + string.Join(", ", unready));
            }),
            new("every resource healthy (the AppHost's view)", TimeSpan.FromMilliseconds(250), _ =>
            {
                var unhealthy = health.UnhealthyInAppHost();
                return Task.FromResult(new Reading(unhealthy.Count == 0, unhealthy.Count == 0 ? "all of them" : "not healthy: " + string.Join(", ", unhealthy)));
            }),
            new("queues and outboxes back to normal", TimeSpan.FromMilliseconds(500), async ct =>
            {
                var sample = await queues.SampleAsync(ct);
                return new Reading(sample.Total <= normalDepth, Invariant($"{sample} (at most {normalDepth:N0} before)"));
            }),
        ];
    }

    /// <summary>The probes' answers by code, e.g. "probes: OK 3, UNAVAILABLE 12, 1 unanswered yet".</summary>
    public static string Codes(IReadOnlyList<ProbeAnswer> answers) => answers.Count == 0 ? "no probe answered yet"
        : "probes: " + string.Join(", ", answers.GroupBy(a => a.Code).OrderBy(g => g.Key).Select(g => Invariant($"{CallTally.Name(g.Key)} {g.Count():N0}")));

    /// <summary>Queues and outboxes sampled every second for <paramref name="duration"/>: the most they held (their normal depth under what is running).</summary>
    public async Task<long> LargestDepthAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        var largest = 0L;
        var start = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(start) < duration)
        {
            try
            {
                largest = Math.Max(largest, (await queues.SampleAsync(cancellationToken)).Total);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                Console.WriteLine($"  queue sample failed: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
            }
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
        return largest;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
