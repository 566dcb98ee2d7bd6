using System.Globalization;

namespace PlatformBenchmark;

/// <summary>One step of the stepped load: what Intake acknowledged and what the projections did.</summary>
internal sealed record StepOutcome(int Target, SubmitResult Submitted, Observation Observed, string? ServiceLogs)
{
    /// <summary>
    /// The platform kept up at this rate: Intake acknowledged within 2 % of it and answered every
    /// call OK, and every projection stayed within the lag goal throughout and held everything
    /// within it of the step's end.
    /// </summary>
    public bool KeptUp => !WhyNot().Any();

    /// <summary>Each way the step fell short, e.g. "triage 7.2 s behind".</summary>
    public IEnumerable<string> WhyNot()
    {
        if (Submitted.AchievedRate < Target * 0.98)
        {
            yield return "Intake took under 98 % of the target";
        }
        if (Submitted.Calls.Failures.Count > 0)
        {
            yield return "non-OK answers";
        }
        for (var i = 0; i < Projections.All.Length; i++)
        {
            if (Observed.MaxLag[i].Time > Report.LagGoal)
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"{Projections.All[i].Service} {Observed.MaxLag[i].Time.TotalSeconds:0.0} s behind");
            }
            if (Observed.CatchUp(i) is not { } catchUp)
            {
                yield return $"{Projections.All[i].Service} never caught up";
            }
            else if (catchUp > Report.LagGoal)
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"{Projections.All[i].Service} caught up {catchUp.TotalSeconds:0} s after the end");
            }
        }
    }
}

/// <summary>A bulk import through the whole platform, or into Intake alone (no observation).</summary>
internal sealed record ImportOutcome(ImportResult Imported, Observation? Observed);

/// <summary>Everything one run measured, printed as Markdown tables that paste into BENCHMARKS.md, with the goals.</summary>
internal sealed class Report(Settings settings)
{
    public static readonly TimeSpan LagGoal = TimeSpan.FromSeconds(5);
    public const int SustainedGoal = 1_000;
    public const int ImportGoalContacts = 100_000;
    public static readonly TimeSpan ImportGoal = TimeSpan.FromMinutes(3);

    public List<StepOutcome> Steps { get; } = [];

    public List<int> SkippedSteps { get; } = [];

    public ImportOutcome? Import { get; set; }

    public SubmitResult? IntakeAlone { get; set; }

    public ImportResult? IntakeAloneImport { get; set; }

    public RecoveryOutcome? Recovery { get; set; }

    /// <summary>Why the run counts as failed (exit 1), if it does.</summary>
    public List<string> Failures { get; } = [];

    /// <summary>Lines said once at the end: the platform's start, the cross-check, the machine.</summary>
    public List<string> Notes { get; } = [];

    /// <summary>The highest step the platform kept up with, if any.</summary>
    public StepOutcome? Sustained => Steps.Where(s => s.KeptUp).MaxBy(s => s.Target);

    public static string StepLine(StepOutcome step)
    {
        var s = step.Submitted;
        var lags = string.Join("; ", Projections.All.Select((p, i) => $"{p.Service} {LagText(step.Observed.MaxLag[i])}, all {CatchUpText(step.Observed.CatchUp(i))}"));
        return Invariant($"  step {step.Target:N0}/s: achieved {s.AchievedRate:N0}/s ({s.Calls.Acknowledged:N0} acknowledged of {s.Offered:N0} offered in {s.Window.TotalSeconds:0.0} s, the last answered at {s.Time.TotalSeconds:0.0} s), ")
            + Invariant($"p50 {s.Calls.P50Ms:0.0} ms, p99 {s.Calls.P99Ms:0.0} ms, non-OK: {s.Calls.Describe()}; max lag: {lags}; machine {step.Observed.MachineBusy:P0} busy (cores: {step.Observed.Busiest}), load {MachineLoad.Average()}; ")
            + (step.KeptUp ? "kept up" : $"did NOT keep up ({string.Join(", ", step.WhyNot())})") + CatchingUp(step.Observed) + (step.ServiceLogs is { } logs ? $"; the services' console so far: {logs}" : "");
    }

    public static string ImportLine(string what, ImportOutcome import)
    {
        var i = import.Imported;
        var projected = import.Observed is { } observed
            ? "; " + string.Join(", ", Projections.All.Select((p, n) => $"{p.Service} had all {(observed.Complete[n] is { } c ? Invariant($"at {c.TotalSeconds:0} s") : "NEVER")}"))
                + Invariant($"; machine {observed.MachineBusy:P0} busy while importing (cores: {observed.Busiest}), load {MachineLoad.Average()}") + CatchingUp(observed)
            : "";
        return Invariant($"  {what}: {i.Accepted:N0} of {i.Contacts:N0} acknowledged in {i.Time.TotalSeconds:0.0} s = {i.ContactsPerSecond:N0} contacts/s over {i.Streams} stream(s), {i.Resent:N0} resent after shedding{Rejections(i)}{projected}");
    }

    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine("## Figures");
        foreach (var note in Notes)
        {
            Console.WriteLine($"- {note}");
        }
        if (Steps.Count > 0 || SkippedSteps.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine(Invariant($"Stepped SubmitContact load, {settings.StepDuration.TotalSeconds:0} s a step, at most {settings.Concurrency} in flight. Lag: the most contacts a projection was behind the acknowledged ones, and how long ago the oldest it lacked was acknowledged, sampled every second; \"all after\": how long after the step's last acknowledgement it held every contact."));
            Console.WriteLine();
            Console.WriteLine("| target /s | achieved /s | p50 ms | p99 ms | non-OK answers | " + string.Join(" | ", Projections.All.Select(p => $"{p.Service} max lag; all after")) + " | machine busy | kept up |");
            Console.WriteLine("| ---: | ---: | ---: | ---: | --- | " + string.Join(" | ", Projections.All.Select(_ => "---:")) + " | ---: | --- |");
            foreach (var step in Steps)
            {
                var s = step.Submitted;
                var lags = string.Join(" | ", Projections.All.Select((_, i) => $"{LagText(step.Observed.MaxLag[i])}; {CatchUpText(step.Observed.CatchUp(i))}"));
                Console.WriteLine(Invariant($"| {step.Target:N0} | {s.AchievedRate:N0} | {s.Calls.P50Ms:0.0} | {s.Calls.P99Ms:0.0} | {s.Calls.Describe()} | {lags} | {step.Observed.MachineBusy:P0} | {(step.KeptUp ? "yes" : "**no**")} |"));
            }
            foreach (var skipped in SkippedSteps)
            {
                Console.WriteLine(Invariant($"| {skipped:N0} | not run: a lower step did not keep up (--all-steps=1 runs it) |") + string.Concat(Enumerable.Repeat(" |", 7 + Projections.All.Length - 2)));
            }
        }
        if (Import is { } import)
        {
            var i = import.Imported;
            Console.WriteLine();
            Console.WriteLine(Invariant($"Import of {i.Contacts:N0} contacts by {settings.ImportRpc}{(settings.ImportRpc == ImportRpc.SubmitContactBatches ? $", {settings.ImportBatch} a batch" : "")}, from its first write:"));
            Console.WriteLine();
            Console.WriteLine("| acknowledged | " + string.Join(" | ", Projections.All.Select(p => $"{p.Service} has all")) + " | the last projection | contacts/s through the platform |");
            Console.WriteLine("| ---: | " + string.Join(" | ", Projections.All.Select(_ => "---:")) + " | ---: | ---: |");
            var observed = import.Observed!;
            Console.WriteLine(Invariant($"| {i.Time.TotalSeconds:0.0} s ({i.ContactsPerSecond:N0}/s) | ") + string.Join(" | ", observed.Complete.Select(c => c is { } t ? Invariant($"{t.TotalSeconds:0} s") : "never")) +
                Invariant($" | {(observed.LastComplete is { } last ? Invariant($"{last.TotalSeconds:0} s") : "never")} | {(observed.LastComplete is { } l ? (i.Accepted / l.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture) : "-")} |"));
        }
        if (IntakeAlone is { } alone)
        {
            Console.WriteLine();
            Console.WriteLine(Invariant($"Intake alone (the four downstream services stopped; the same Intake, PostgreSQL and RabbitMQ): SubmitContact, {settings.Concurrency} in flight as fast as answered: ") +
                Invariant($"{alone.AchievedRate:N0} contacts/s, p50 {alone.Calls.P50Ms:0.0} ms, p99 {alone.Calls.P99Ms:0.0} ms, non-OK: {alone.Calls.Describe()}"));
            if (IntakeAloneImport is { } aloneImport)
            {
                Console.WriteLine(Invariant($"Intake alone, import: {aloneImport.Accepted:N0} contacts acknowledged in {aloneImport.Time.TotalSeconds:0.0} s = {aloneImport.ContactsPerSecond:N0} contacts/s, {aloneImport.Resent:N0} resent after shedding{Rejections(aloneImport)}"));
            }
        }
        if (Recovery is { } recovery)
        {
            RecoveryReport.Print(recovery, settings.Recovery);
        }
        PrintRatiosAndGoals();
    }

    private void PrintRatiosAndGoals()
    {
        Console.WriteLine();
        var sustained = Sustained;
        if (IntakeAlone is { } alone && alone.AchievedRate > 0)
        {
            if (Steps.Count > 0)
            {
                Console.WriteLine(Invariant($"- whole platform sustained / Intake alone (SubmitContact): {(sustained?.Submitted.AchievedRate ?? 0) / alone.AchievedRate:0.00} ({sustained?.Submitted.AchievedRate ?? 0:N0} / {alone.AchievedRate:N0} contacts/s)"));
            }
            if (Import?.Observed?.LastComplete is { } last && IntakeAloneImport is { } aloneImport)
            {
                var through = Import.Imported.Accepted / last.TotalSeconds;
                Console.WriteLine(Invariant($"- import fully projected / Intake alone acknowledging it: {through / aloneImport.ContactsPerSecond:0.00} ({through:N0} / {aloneImport.ContactsPerSecond:N0} contacts/s)"));
            }
        }
        if (Steps.Count > 0)
        {
            var met = sustained is { Target: >= SustainedGoal };
            Console.WriteLine(Invariant($"- goal: >= {SustainedGoal:N0} contacts/s sustained through the whole platform, every projection within {LagGoal.TotalSeconds:0} s: {(met ? "met" : "NOT met")} ") +
                (sustained is null ? "(no step kept up)" : Invariant($"(kept up at {sustained.Target:N0}/s, achieved {sustained.Submitted.AchievedRate:N0}/s)")));
        }
        if (Import is { } import)
        {
            var last = import.Observed?.LastComplete;
            var judged = import.Imported.Contacts >= ImportGoalContacts;
            Console.WriteLine(Invariant($"- goal: a {ImportGoalContacts:N0}-contact import fully projected within {ImportGoal.TotalMinutes:0} minutes: ") +
                (!judged ? Invariant($"not judged (this import was {import.Imported.Contacts:N0}; projected in {(last is { } l ? Invariant($"{l.TotalSeconds:0} s") : "never")})")
                : last is { } done ? Invariant($"{(done <= ImportGoal ? "met" : "NOT met")} ({done.TotalSeconds:0} s)") : "NOT met (never fully projected)"));
        }
        if (Recovery is { } recovery)
        {
            foreach (var goal in RecoveryReport.Goals(recovery, settings.Recovery.Goal))
            {
                Console.WriteLine(goal);
            }
        }
        foreach (var failure in Failures)
        {
            Console.WriteLine($"- FAILED: {failure}");
        }
    }

    private static string CatchingUp(Observation observed) =>
        observed.BusiestCatchingUp.Length > 0 && observed.LastComplete - observed.LoadTime > TimeSpan.FromSeconds(2)
            ? $"; cores while the projections caught up: {observed.BusiestCatchingUp}"
            : "";

    private static string LagText(Lag lag) => Invariant($"{lag.Contacts:N0} ({lag.Time.TotalSeconds:0.0} s)");

    private static string CatchUpText(TimeSpan? catchUp) => catchUp is { } t ? Invariant($"{t.TotalSeconds:0} s") : "never";

    private static string Rejections(ImportResult import) =>
        (import.Rejected > 0 ? Invariant($", {import.Rejected:N0} REJECTED (first: {import.FirstRejection})") : "")
        + (import.StreamEnds.Failures.Count > 0 ? $", streams ended {import.StreamEnds.Describe()}" : "");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
