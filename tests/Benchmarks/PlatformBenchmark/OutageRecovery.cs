using System.Diagnostics;
using System.Globalization;
using Aspire.Hosting;
using IntakeBenchmark;

namespace PlatformBenchmark;

/// <summary>One server's outage under steady load, and how the platform came back once the server served again.</summary>
internal sealed record OutageOutcome(
    string Server,
    ProbeBaseline Baseline,
    long NormalDepth,
    string StoppedBy,
    TimeSpan StoppedIn,
    TimeSpan Down,
    TimeSpan? ServingAfterStart,
    SubmitResult Load,
    IReadOnlyList<ProbeAnswer> Probes,
    IReadOnlyList<string> SeenUnready,
    IReadOnlyList<SignResult> Signs,
    TimeSpan? AllHeldAfterLoad,
    IReadOnlyList<(string Service, long Missing)> Missing,
    string? Left);

/// <summary>
/// A failed dependency returns: under a steady SubmitContact load well under what the platform
/// sustains, the server is stopped for a while and started again, and the signs of normal service
/// are timed from the moment it serves again. Meanwhile every answer the clients get is counted by
/// code, and which services stopped being ready is noted. The load then stops, and every contact
/// acknowledged in the round must reach Intake's store and every projection.
/// </summary>
internal sealed class OutageRecovery(DistributedApplication app, NormalService normal, RecoverySettings settings, IntakeClients clients, ContactSource contacts, int concurrency)
{
    private static readonly TimeSpan LeadIn = TimeSpan.FromSeconds(5);

    public async Task<OutageOutcome> RunAsync(string server, CancellationToken cancellationToken)
    {
        var outage = new DependencyOutage(app, server);
        var acknowledgedBefore = normal.Acknowledgements.Count;
        Console.WriteLine(Invariant($"Outage of {server}: SubmitContact at {settings.OutageRate:N0}/s throughout; {LeadIn.TotalSeconds:0} s of it first, then {server} stopped for {settings.OutageDuration.TotalSeconds:0} s (the dashboard's Stop, then Start)."));
        using var stopLoad = new CancellationTokenSource();
        var submitter = new PacedSubmitter(clients, contacts, normal.Acknowledgements, concurrency);
        var loading = submitter.RunAsync(settings.OutageRate, TimeSpan.MaxValue, cancellationToken, stopLoad.Token);
        SubmitResult? load = null;
        try
        {
            var leadInStart = Stopwatch.GetTimestamp();
            var normalDepth = await normal.LargestDepthAsync(LeadIn, cancellationToken);
            var baseline = normal.Probe.Baseline(leadInStart, Stopwatch.GetTimestamp());
            Console.WriteLine(Invariant($"  before: probes p50 {baseline.P50.TotalMilliseconds:0.0} ms, p99 {baseline.P99.TotalMilliseconds:0.0} ms ({baseline.Calls}); at most {normalDepth:N0} waiting in the queues and outboxes; load {MachineLoad.Average()}"));

            using var watching = new CancellationTokenSource();
            var stopIssued = Stopwatch.GetTimestamp();
            var watch = WatchAsync(stopIssued, watching.Token);
            var stoppedBy = await outage.StopAsync(cancellationToken);
            var stoppedAt = Stopwatch.GetTimestamp();
            var stoppedIn = Stopwatch.GetElapsedTime(stopIssued, stoppedAt);
            Console.WriteLine(Invariant($"  {server} stopped by {stoppedBy}, {stoppedIn.TotalSeconds:0.0} s after the Stop command"));
            // Down for the time asked, from the moment it had stopped, however long stopping took.
            await Task.Delay(settings.OutageDuration, cancellationToken);
            var startIssued = Stopwatch.GetTimestamp();
            var down = Stopwatch.GetElapsedTime(stoppedAt, startIssued);
            if (!await outage.StartAsync(cancellationToken))
            {
                Console.WriteLine($"  {server} was running again before the Start command: something restarted it (the AppHost's restart supervisor?)");
            }
            var serving = await outage.UntilServingAsync(settings.Timeout, cancellationToken);
            TimeSpan? servingAfterStart = serving is { } s ? Stopwatch.GetElapsedTime(startIssued, s) : null;
            Console.WriteLine(servingAfterStart is { } after
                ? Invariant($"  {server} started after {down.TotalSeconds:0.0} s down; serving {after.TotalSeconds:0.0} s after the Start command. Until normal, from that moment:")
                : Invariant($"  {server} started after {down.TotalSeconds:0.0} s down; NOT serving within {settings.Timeout.TotalSeconds:0} s of the Start command"));

            IReadOnlyList<SignResult> signs = [];
            if (serving is { } since)
            {
                var acknowledged = normal.Acknowledgements.Count;
                signs = await RecoverySigns.WaitAsync(since, normal.Signs(since, baseline, () => acknowledged, normalDepth), settings.Timeout, cancellationToken);
            }
            await watching.CancelAsync();
            var seenUnready = await watch;

            await stopLoad.CancelAsync();
            load = await loading;
            var loadEnded = Stopwatch.GetTimestamp();
            var probes = normal.Probe.Sent(stopIssued, loadEnded);
            Console.WriteLine(Invariant($"  the load stopped: {load.Calls.Acknowledged:N0} acknowledged of {load.Offered:N0} offered, p50 {load.Calls.P50Ms:0.0} ms, p99 {load.Calls.P99Ms:0.0} ms, non-OK: {load.Calls.Describe()}; {NormalService.Codes(probes)} since the Stop"));
            var allHeld = await AllHeldAsync(loadEnded, cancellationToken);
            var ids = normal.Acknowledgements.IdsSince(acknowledgedBefore).ToList();
            var missing = await normal.Projections.MissingAsync(ids, cancellationToken);
            var left = await normal.Queues.LeftAsync(cancellationToken);
            return new OutageOutcome(server, baseline, normalDepth, stoppedBy, stoppedIn, down, servingAfterStart, load, probes, seenUnready, signs, allHeld, missing, left);
        }
        finally
        {
            if (load is null)
            {
                // Failed or interrupted: the load still stops before anything else runs.
                await stopLoad.CancelAsync();
                try
                {
                    await loading;
                }
                catch (OperationCanceledException)
                {
                }
            }
        }
    }

    /// <summary>
    /// Every 500 ms from the Stop until cancelled: which services are not ready (their own
    /// <c>/health</c>) and which resources the AppHost does not see healthy; printed every 2 s,
    /// and every one seen so returned, e.g. "intake (own /health)", "intake (AppHost: Running, Unhealthy)".
    /// </summary>
    private async Task<IReadOnlyList<string>> WatchAsync(long since, CancellationToken stop)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var acknowledged = normal.Acknowledgements.Count;
        try
        {
            for (var tick = 1; ; tick++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), stop);
                var unready = await normal.Health.UnreadyServicesAsync(stop);
                var unhealthy = normal.Health.UnhealthyInAppHost();
                seen.UnionWith(unready.Select(u => u.Split(' ')[0] + " (own /health)"));
                seen.UnionWith(unhealthy.Select(u => u.Split(' ')[0] + " (AppHost)"));
                if (tick % 4 == 0)
                {
                    var now = normal.Acknowledgements.Count;
                    Console.WriteLine(Invariant($"  {Stopwatch.GetElapsedTime(since).TotalSeconds,5:0.0} s  acked +{now - acknowledged,6:N0}  {NormalService.Codes(normal.Probe.Sent(Stopwatch.GetTimestamp() - (2 * Stopwatch.Frequency)))} (last 2 s); not ready: {(unready.Count == 0 ? "none" : string.Join(", ", unready))}; AppHost unhealthy: {(unhealthy.Count == 0 ? "none" : string.Join(", ", unhealthy))}"));
                    acknowledged = now;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return [.. seen];
        }
    }

    /// <summary>After the load stopped, until every projection holds every contact acknowledged in the run; how long that took, or null.</summary>
    private async Task<TimeSpan?> AllHeldAsync(long loadEnded, CancellationToken cancellationToken)
    {
        var acknowledged = normal.Acknowledgements.Count;
        while (Stopwatch.GetElapsedTime(loadEnded) < settings.Timeout)
        {
            try
            {
                if ((await normal.Projections.CountAsync(cancellationToken)).All(c => c >= acknowledged))
                {
                    return Stopwatch.GetElapsedTime(loadEnded);
                }
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException)
            {
                // Not answering yet: asked again.
            }
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
        return null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
