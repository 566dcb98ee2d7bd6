using System.Globalization;

namespace PlatformBenchmark;

/// <summary>The recovery part's figures as Markdown that pastes into BENCHMARKS.md, each sign against the goal.</summary>
internal static class RecoveryReport
{
    public static void Print(RecoveryOutcome recovery, RecoverySettings settings)
    {
        var goal = settings.Goal;
        Console.WriteLine();
        Console.WriteLine(Invariant($"Recovery: how long after the disturbance ended until each sign of normal service held (looked at until it did, for at most {settings.Timeout.TotalSeconds:0} s); goal: within {goal.TotalSeconds:0} s."));
        if (recovery.Overload is { } overload)
        {
            PrintOverload(overload, settings);
        }
        if (recovery.Outages.Count > 0)
        {
            PrintOutages(recovery.Outages, settings);
        }
    }

    /// <summary>The goal's lines: each disturbance back to normal within the goal, or which signs were late.</summary>
    public static IEnumerable<string> Goals(RecoveryOutcome recovery, TimeSpan goal)
    {
        if (recovery.Overload is { } overload)
        {
            yield return Goal("after the overload stopped", overload.Signs, goal);
        }
        foreach (var outage in recovery.Outages)
        {
            yield return outage.Signs.Count == 0
                ? $"- goal: back to normal within {goal.TotalSeconds:0} s of {outage.Server} serving again: NOT met ({outage.Server} never served again)"
                : Goal($"of {outage.Server} serving again", outage.Signs, goal);
        }
    }

    /// <summary>What makes the run fail (exit 1): answers no load excuses, and acknowledged contacts missing once everything should hold them.</summary>
    public static IEnumerable<string> Failures(RecoveryOutcome recovery)
    {
        if (recovery.Overload is { } overload)
        {
            if (overload.Flood.Calls.Unexpected > 0)
            {
                yield return $"recovery, overload: {overload.Flood.Calls.Unexpected:N0} call(s) failed unexpectedly, first {overload.Flood.Calls.FirstUnexpected}";
            }
            if (overload.Import is { Rejected: > 0 } import)
            {
                yield return $"recovery, overload: {import.Rejected:N0} imported contact(s) rejected, first {import.FirstRejection}";
            }
            if (overload.Missing.Any(m => m.Missing > 0))
            {
                yield return $"recovery, overload: acknowledged contacts missing at the end: {Missing(overload.Missing)}";
            }
        }
        foreach (var outage in recovery.Outages)
        {
            if (outage.Load.Calls.Unexpected > 0)
            {
                yield return $"recovery, {outage.Server} outage: {outage.Load.Calls.Unexpected:N0} call(s) failed unexpectedly, first {outage.Load.Calls.FirstUnexpected}";
            }
            if (outage.Missing.Any(m => m.Missing > 0))
            {
                yield return $"recovery, {outage.Server} outage: acknowledged contacts missing at the end: {Missing(outage.Missing)}";
            }
        }
    }

    private static void PrintOverload(OverloadOutcome overload, RecoverySettings settings)
    {
        var flood = overload.Flood;
        Console.WriteLine();
        Console.WriteLine(Invariant($"**Overload**: SubmitContact with {settings.OverloadConcurrency:N0} calls in flight for {settings.OverloadDuration.TotalSeconds:0} s: {flood.Calls.Acknowledged:N0} acknowledged ({flood.Calls.Acknowledged / settings.OverloadDuration.TotalSeconds:N0}/s) of {flood.Offered:N0} offered, non-OK: {flood.Calls.Describe()}") +
            (overload.Import is { } import ? Invariant($"; beside it an import: {import.Accepted:N0} acknowledged, {import.Resent:N0} resent after shedding{(import.StreamEnds.Failures.Count > 0 ? $", streams ended {import.StreamEnds.Describe()}" : "")}") : "") +
            Invariant($"; the probe during it: {NormalService.Codes(overload.ProbesDuring)}; at most {overload.PeakWaiting:N0} waiting in the queues and outboxes; its last call answered {overload.LastAnswered.TotalSeconds:0.0} s after it stopped.") +
            Invariant($" Before it (the probe alone): p50 {Ms(overload.Baseline.P50)}, p99 {Ms(overload.Baseline.P99)}, at most {overload.NormalDepth:N0} waiting."));
        Console.WriteLine();
        Console.WriteLine($"| after the load stopped | seconds | within {settings.Goal.TotalSeconds:0} s | seen |");
        Console.WriteLine("| --- | ---: | --- | --- |");
        foreach (var sign in overload.Signs)
        {
            Console.WriteLine($"| {sign.Name} | {Seconds(sign.After)} | {(sign.Within(settings.Goal) ? "met" : "**NOT met**")} | {sign.Seen} |");
        }
        Console.WriteLine();
        Console.WriteLine($"- acknowledged contacts missing at the end (Intake, then each projection): {Missing(overload.Missing)}");
        Console.WriteLine($"- the queues at the end (rabbitmqctl): {overload.Left ?? "not listed (rabbitmqctl failed)"}");
    }

    private static void PrintOutages(IReadOnlyList<OutageOutcome> outages, RecoverySettings settings)
    {
        Console.WriteLine();
        Console.WriteLine(Invariant($"**A failed dependency returns**: SubmitContact at {settings.OutageRate:N0}/s throughout, the server stopped with the dashboard's Stop (SIGKILL if not stopped within 5 s) and started {settings.OutageDuration.TotalSeconds:0} s after it had stopped. Times from the moment it served again (asked in its own protocol every 100 ms)."));
        Console.WriteLine();
        Console.WriteLine("| | " + string.Join(" | ", outages.Select(o => o.Server)) + " |");
        Console.WriteLine("| --- |" + string.Concat(outages.Select(_ => " --- |")));
        Row("before: probes p50 / p99; waiting at most", o => Invariant($"{Ms(o.Baseline.P50)} / {Ms(o.Baseline.P99)}; {o.NormalDepth:N0}"));
        Row("stopped (how) after the Stop command; down until Start", o => Invariant($"{o.StoppedIn.TotalSeconds:0.0} s ({o.StoppedBy}); {o.Down.TotalSeconds:0.0} s"));
        Row("serving after the Start command", o => Seconds(o.ServingAfterStart));
        foreach (var name in outages.SelectMany(o => o.Signs).Select(s => s.Name).Distinct())
        {
            Row(name, o => o.Signs.FirstOrDefault(s => s.Name == name) is { } sign ? $"{Seconds(sign.After)} ({(sign.Within(settings.Goal) ? "met" : "**NOT met**")})" : "-");
        }
        Row("every projection holds every contact, after the load stopped", o => Seconds(o.AllHeldAfterLoad));
        Row("the load's answers (whole round)", o => Invariant($"OK {o.Load.Calls.Acknowledged:N0}; {o.Load.Calls.Describe()}"));
        Row("the probe's answers from the Stop", o => NormalService.Codes(o.Probes));
        Row("not ready or unhealthy meanwhile", o => o.SeenUnready.Count == 0 ? "none" : string.Join(", ", o.SeenUnready));
        Row("acknowledged contacts missing", o => Missing(o.Missing));
        Row("the queues at the end (rabbitmqctl)", o => o.Left ?? "not listed");

        void Row(string what, Func<OutageOutcome, string> cell) => Console.WriteLine($"| {what} | " + string.Join(" | ", outages.Select(cell)) + " |");
    }

    private static string Goal(string what, IReadOnlyList<SignResult> signs, TimeSpan goal)
    {
        var late = signs.Where(s => !s.Within(goal)).ToList();
        var last = signs.Where(s => s.After is not null).MaxBy(s => s.After);
        return late.Count == 0
            ? Invariant($"- goal: back to normal within {goal.TotalSeconds:0} s {what}: met (the last sign, {last?.Name}, at {last?.After?.TotalSeconds:0.0} s)")
            : Invariant($"- goal: back to normal within {goal.TotalSeconds:0} s {what}: NOT met (") + string.Join("; ", late.Select(s => $"{s.Name}: {Seconds(s.After)}")) + ")";
    }

    private static string Missing(IReadOnlyList<(string Service, long Missing)> missing) =>
        missing.All(m => m.Missing == 0) ? "none" : string.Join(", ", missing.Select(m => Invariant($"{m.Service} {m.Missing:N0}")));

    private static string Seconds(TimeSpan? span) => span is { } s ? Invariant($"{s.TotalSeconds:0.0} s") : "never";

    private static string Ms(TimeSpan span) => Invariant($"{span.TotalMilliseconds:0.0} ms");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
