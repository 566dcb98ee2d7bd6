using System.Diagnostics;
using System.Globalization;
using IntakeBenchmark;

namespace PlatformBenchmark;

/// <summary>What the overload offered and what the platform took, and how it came back once the load stopped.</summary>
internal sealed record OverloadOutcome(
    ProbeBaseline Baseline,
    long NormalDepth,
    SubmitResult Flood,
    ImportResult? Import,
    long PeakWaiting,
    TimeSpan LastAnswered,
    IReadOnlyList<ProbeAnswer> ProbesDuring,
    IReadOnlyList<SignResult> Signs,
    IReadOnlyList<(string Service, long Missing)> Missing,
    string? Left);

/// <summary>
/// Overload, then recovery: far more SubmitContact calls in flight than Intake takes, with a bulk
/// import beside them, for a while, so that Intake sheds and the queues grow; then the load stops at
/// once, and the signs of normal service are timed from that moment. Before it, the probe alone
/// gives the baseline: Intake's latency and the queues' depth in normal times.
/// </summary>
internal sealed class OverloadRecovery(NormalService normal, RecoverySettings settings, Uri intake, int connections, ContactSource contacts, ImportRpc importRpc, int importBatch)
{
    public async Task<OverloadOutcome> RunAsync(long acknowledgedBefore, CancellationToken cancellationToken)
    {
        Console.WriteLine(Invariant($"Baseline: the probe alone for {settings.Baseline.TotalSeconds:0} s (a contact every {IntakeProbe.Interval.TotalMilliseconds:0} ms)."));
        var baselineStart = Stopwatch.GetTimestamp();
        var normalDepth = await normal.LargestDepthAsync(settings.Baseline, cancellationToken);
        var baseline = normal.Probe.Baseline(baselineStart, Stopwatch.GetTimestamp());
        Console.WriteLine(Invariant($"  baseline: {baseline.Calls} probes acknowledged, p50 {baseline.P50.TotalMilliseconds:0.0} ms, p99 {baseline.P99.TotalMilliseconds:0.0} ms; at most {normalDepth:N0} waiting in the queues and outboxes; load {MachineLoad.Average()}"));

        Console.WriteLine(Invariant($"Overload: SubmitContact with {settings.OverloadConcurrency:N0} calls in flight") +
            (settings.OverloadImport > 0 ? Invariant($" and an import of up to {settings.OverloadImport:N0} contacts by {importRpc}") : "") + Invariant($" for {settings.OverloadDuration.TotalSeconds:0} s, then nothing."));
        using var flooders = new IntakeClients(intake, connections);
        var flood = new PacedSubmitter(flooders, contacts, normal.Acknowledgements, settings.OverloadConcurrency);
        var importer = new Importer(flooders, contacts, normal.Acknowledgements, importRpc, importBatch);
        using var window = new CancellationTokenSource(settings.OverloadDuration);
        var start = Stopwatch.GetTimestamp();
        var flooding = flood.RunAsync(null, settings.OverloadDuration, cancellationToken);
        var importing = settings.OverloadImport > 0 ? ImportAsync(importer, window.Token, cancellationToken) : Task.FromResult<ImportResult?>(null);
        var stopped = start + (long)(settings.OverloadDuration.TotalSeconds * Stopwatch.Frequency);
        var peak = await WatchAsync(start, stopped, cancellationToken);

        // From the moment the load stopped, while its last calls are still being answered.
        Console.WriteLine("Until normal, from the moment the load stopped:");
        var acknowledged = -1L;   // not known until the last call is answered
        var looking = RecoverySigns.WaitAsync(stopped, normal.Signs(stopped, baseline, () => Interlocked.Read(ref acknowledged) is >= 0 and var all ? all : null, normalDepth), settings.Timeout, cancellationToken);
        var submitted = await flooding;
        var imported = await importing;
        var lastAnswered = Stopwatch.GetElapsedTime(stopped);
        Interlocked.Exchange(ref acknowledged, normal.Acknowledgements.Count);
        Console.WriteLine(Invariant($"  +{lastAnswered.TotalSeconds,5:0.0} s  the load's last call answered. SubmitContact: {submitted.Calls.Acknowledged:N0} acknowledged of {submitted.Offered:N0} offered, non-OK: {submitted.Calls.Describe()}") +
            (imported is { } i ? Invariant($"; import: {i.Accepted:N0} acknowledged, {i.Resent:N0} resent after shedding, streams ended {i.StreamEnds.Describe()}") : "") +
            Invariant($"; the probe during the load: {NormalService.Codes(normal.Probe.Sent(start, stopped))}; load {MachineLoad.Average()}"));
        var signs = await looking;
        var ids = normal.Acknowledgements.IdsSince(acknowledgedBefore).ToList();
        var missing = await normal.Projections.MissingAsync(ids, cancellationToken);
        var left = await normal.Queues.LeftAsync(cancellationToken);
        return new OverloadOutcome(baseline, normalDepth, submitted, imported, peak, lastAnswered, normal.Probe.Sent(start, stopped), signs, missing, left);
    }

    /// <summary>Every 2 s until the load stops offering, what waits in the queues and outboxes; the most seen.</summary>
    private async Task<long> WatchAsync(long start, long stopped, CancellationToken cancellationToken)
    {
        var peak = 0L;
        while (true)
        {
            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), stopped);
            if (left <= TimeSpan.Zero)
            {
                return peak;
            }
            await Task.Delay(left < TimeSpan.FromSeconds(2) ? left : TimeSpan.FromSeconds(2), cancellationToken);
            string seen;
            try
            {
                var sample = await normal.Queues.SampleAsync(cancellationToken);
                peak = Math.Max(peak, sample.Total);
                seen = sample.ToString();
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                seen = $"queues not sampled: {e.GetType().Name}";
            }
            Console.WriteLine(Invariant($"  {Stopwatch.GetElapsedTime(start).TotalSeconds,5:0.0} s  acked {normal.Acknowledgements.Count,9:N0}  {seen}"));
        }
    }

    /// <summary>The import until the window closes; one shed more often than the importer retries is a finding, printed.</summary>
    private async Task<ImportResult?> ImportAsync(Importer importer, CancellationToken window, CancellationToken cancellationToken)
    {
        try
        {
            return await importer.RunAsync(settings.OverloadImport, cancellationToken, window);
        }
        catch (InvalidOperationException e)
        {
            Console.WriteLine($"  the import gave up: {e.Message}");
            return null;
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
