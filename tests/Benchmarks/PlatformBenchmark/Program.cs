// The whole-platform benchmark: the five services started as the AppHost starts them, SubmitContact
// at stepped rates with each downstream projection's lag, a bulk import until the last projection
// has all of it, how soon the platform is back to normal after an overload and after PostgreSQL's
// and RabbitMQ's outages, and Intake alone in the same run for comparison. Prints figures and the goals;
// exits 0 whatever they are, 1 when a call fails unexpectedly or a projection never catches up
// within the time allowed, 2 on bad arguments. See BENCHMARKS.md, "Whole platform".
using System.Globalization;
using System.Runtime.InteropServices;
using IntakeBenchmark;
using PlatformBenchmark;

var settings = Settings.Parse(args);
if (settings is null)
{
    Console.Error.WriteLine(Settings.Usage);
    return 2;
}

Console.WriteLine(Invariant($"Whole-platform benchmark: parts {string.Join(", ", Settings.AllParts.Where(settings.Runs))}; steps {string.Join(", ", settings.Steps.Select(s => s.ToString("N0", CultureInfo.InvariantCulture)))} contacts/s, {settings.StepDuration.TotalSeconds:0} s each after a {settings.Warmup.TotalSeconds:0} s warm-up; ") +
    Invariant($"at most {settings.Concurrency} SubmitContact calls in flight over {settings.Connections} HTTP/2 connections; import {settings.Import:N0} contacts by {settings.ImportRpc}; Intake alone {settings.IntakeDuration.TotalSeconds:0} s."));
if (settings.Runs("recovery"))
{
    var r = settings.Recovery;
    Line($"Recovery: goal {r.Goal.TotalSeconds:0} s; overload {r.OverloadConcurrency:N0} SubmitContact calls in flight and an import of up to {r.OverloadImport:N0} for {r.OverloadDuration.TotalSeconds:0} s after a {r.Baseline.TotalSeconds:0} s baseline; outages of {string.Join(", ", r.Outages)} for {r.OutageDuration.TotalSeconds:0} s each under {r.OutageRate:N0} contacts/s; each sign looked at for up to {r.Timeout.TotalSeconds:0} s.");
}
Line($"{SourceTree.Describe()}; {Environment.ProcessorCount} cores, .NET {Environment.Version}; load average {MachineLoad.Average()} at the start.");

using var stop = new CancellationTokenSource();
// Ctrl+C or SIGTERM: stop the platform (its servers and services) and remove its state before going.
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupted);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupted);
var cancellationToken = stop.Token;
var report = new Report(settings);

PlatformUnderTest? platform = null;
ServiceLogs? serviceLogs = null;
try
{
    Console.WriteLine("Starting the platform (the AppHost through Aspire.Hosting.Testing: PostgreSQL, Redis, RabbitMQ and the five services)...");
    platform = await PlatformUnderTest.StartAsync(cancellationToken);
    var intakeAddress = platform.IntakeAddress();
    report.Notes.Add(Invariant($"The platform started, every resource healthy, in {platform.Started.TotalSeconds:0} s; Intake's gRPC endpoint {intakeAddress}."));
    Console.WriteLine(report.Notes[^1]);

    serviceLogs = new ServiceLogs(platform.App.Services, ["intake", .. PlatformUnderTest.Downstream]);
    var projections = await Projections.OpenAsync(platform.ConnectionStringAsync);
    var acknowledgements = new Acknowledgements();
    var contacts = new ContactSource(0);
    using var clients = new IntakeClients(intakeAddress, settings.Connections);
    var submitter = new PacedSubmitter(clients, contacts, acknowledgements, settings.Concurrency);
    var importer = new Importer(clients, contacts, acknowledgements, settings.ImportRpc, settings.ImportBatch);
    var observer = new LagObserver(projections, acknowledgements);
    var caughtUp = true;

    if ((settings.Runs("steps") || settings.Runs("import") || settings.Runs("recovery")) && settings.Warmup > TimeSpan.Zero)
    {
        // The services' JIT and connections warm, and the first contacts in every table, before anything is measured.
        var rate = settings.Steps[0];
        Line($"Warm-up: {rate:N0} contacts/s for {settings.Warmup.TotalSeconds:0} s (not recorded), then until every projection has them.");
        SubmitResult? warmup = null;
        var observed = await observer.ObserveAsync(async () => warmup = await submitter.RunAsync(rate, settings.Warmup, cancellationToken), settings.CatchUpTimeout, cancellationToken);
        Line($"  warm-up: {warmup!.Calls.Acknowledged:N0} acknowledged, non-OK: {warmup.Calls.Describe()}; every projection had them {(observed.LastComplete is { } t ? $"{t.TotalSeconds:0} s after the start" : "NEVER")}");
        CheckCalls("warm-up", warmup.Calls);
        caughtUp = CheckComplete("warm-up", observed);
    }

    // A projection that never caught up leaves a backlog that would make every later figure wrong.
    if (settings.Runs("steps") && caughtUp)
    {
        foreach (var rate in settings.Steps)
        {
            if (!settings.AllSteps && report.Steps.Any(s => !s.KeptUp))
            {
                report.SkippedSteps.Add(rate);
                continue;
            }
            Line($"Step: {rate:N0} contacts/s for {settings.StepDuration.TotalSeconds:0} s; lag sampled every second (acked: all contacts acknowledged in the run; behind: contacts, and age of the oldest missing).");
            SubmitResult? submitted = null;
            var observed = await observer.ObserveAsync(async () => submitted = await submitter.RunAsync(rate, settings.StepDuration, cancellationToken), settings.CatchUpTimeout, cancellationToken);
            var step = new StepOutcome(rate, submitted!, observed, serviceLogs.Describe());
            report.Steps.Add(step);
            Console.WriteLine(Report.StepLine(step));
            CheckCalls($"step {rate}", submitted!.Calls);
            if (!(caughtUp = CheckComplete($"step {rate}", observed)))
            {
                break;
            }
        }
    }

    if (settings.Runs("import") && caughtUp)
    {
        Line($"Import: {settings.Import:N0} contacts by {settings.ImportRpc} on one stream, then until every projection has them.");
        ImportResult? imported = null;
        var observed = await observer.ObserveAsync(async () => imported = await importer.RunAsync(settings.Import, cancellationToken), settings.CatchUpTimeout, cancellationToken);
        report.Import = new ImportOutcome(imported!, observed);
        Console.WriteLine(Report.ImportLine("import", report.Import));
        CheckImport("import", imported!);
        CheckComplete("import", observed);
    }

    // Back to normal by itself: after an overload, and after each shared server's outage.
    if (settings.Runs("recovery") && caughtUp)
    {
        var recovery = await RecoveryRun.RunAsync(platform, projections, acknowledgements, contacts, clients, settings, cancellationToken);
        report.Recovery = recovery;
        report.Failures.AddRange(RecoveryReport.Failures(recovery));
    }
    else if (settings.Runs("recovery"))
    {
        report.Notes.Add("Recovery not measured: a projection never caught up with an earlier part.");
    }

    // Intake alone needs nothing downstream, so it runs whatever happened above.
    if (settings.Runs("intake"))
    {
        Console.WriteLine("Intake alone: stopping triage, timeliness, outcomes and quality (their queues keep what Intake publishes)...");
        await platform.StopDownstreamAsync(cancellationToken);
        if (settings.IntakeWarmup > TimeSpan.Zero)
        {
            var warmup = await submitter.RunAsync(null, settings.IntakeWarmup, cancellationToken);
            Line($"  warm-up: {warmup.AchievedRate:N0} contacts/s (not recorded), non-OK: {warmup.Calls.Describe()}");
        }
        var alone = await submitter.RunAsync(null, settings.IntakeDuration, cancellationToken);
        report.IntakeAlone = alone;
        Line($"  SubmitContact, {settings.Concurrency} in flight: {alone.AchievedRate:N0} contacts/s, p50 {alone.Calls.P50Ms:0.0} ms, p99 {alone.Calls.P99Ms:0.0} ms, non-OK: {alone.Calls.Describe()}; load {MachineLoad.Average()}");
        CheckCalls("Intake alone", alone.Calls);
        if (settings.Runs("import"))
        {
            report.IntakeAloneImport = await importer.RunAsync(settings.Import, cancellationToken);
            Console.WriteLine(Report.ImportLine("Intake alone, import", new ImportOutcome(report.IntakeAloneImport, null)));
            CheckImport("Intake alone, import", report.IntakeAloneImport);
        }
    }

    // Nothing acknowledged may be missing from Intake; more is possible (a call answered UNAVAILABLE after its commit).
    var stored = await projections.CountIntakeAsync(cancellationToken);
    report.Notes.Add(Invariant($"Intake holds {stored:N0} contacts; {acknowledgements.Count:N0} were acknowledged in the run."));
    if (stored < acknowledgements.Count)
    {
        report.Failures.Add(Invariant($"Intake holds {acknowledgements.Count - stored:N0} fewer contacts than were acknowledged."));
    }
    Print();
    return report.Failures.Count == 0 ? 0 : 1;
}
catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
{
    // What was measured before the interruption is still worth reading.
    report.Failures.Add("interrupted");
    Print();
    return 130;
}
catch (Exception ex)
{
    Console.Error.WriteLine($"benchmark failed: {ex}");
    report.Failures.Add(ex.Message);
    Print();
    return 1;
}
finally
{
    if (serviceLogs is not null)
    {
        await serviceLogs.DisposeAsync();
    }
    if (platform is not null)
    {
        Console.WriteLine("Stopping the platform...");
        await platform.DisposeAsync();
    }
}

// The report, with what the services wrote meanwhile and the machine's load at the end.
void Print()
{
    if (serviceLogs is not null)
    {
        report.Notes.Add($"The services' console meanwhile: {serviceLogs.Describe() ?? "no warnings or errors"} (lines read: {serviceLogs.Lines()}).");
    }
    report.Notes.Add($"Load average at the end: {MachineLoad.Average()}.");
    report.Print();
}

// Shed calls and slow ones are findings; any other status means the benchmark or the platform is broken.
void CheckCalls(string phase, CallTally calls)
{
    if (calls.Unexpected > 0)
    {
        report.Failures.Add($"{phase}: {calls.Unexpected:N0} call(s) failed unexpectedly, first {calls.FirstUnexpected}");
    }
}

void CheckImport(string phase, ImportResult imported)
{
    if (imported.Rejected > 0)
    {
        report.Failures.Add($"{phase}: {imported.Rejected:N0} contact(s) rejected, first {imported.FirstRejection}");
    }
}

bool CheckComplete(string phase, Observation observed)
{
    if (observed.AllComplete)
    {
        return true;
    }
    var missing = Projections.All.Where((_, i) => observed.Complete[i] is null).Select(p => p.Service);
    report.Failures.Add(Invariant($"{phase}: {string.Join(", ", missing)} never held every acknowledged contact within {settings.CatchUpTimeout.TotalSeconds:0} s of the load's end (--catch-up-timeout)"));
    return false;
}

static void Line(FormattableString text) => Console.WriteLine(text.ToString(CultureInfo.InvariantCulture));

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

void Interrupted(PosixSignalContext context)
{
    context.Cancel = true;
    Console.Error.WriteLine("Interrupted: stopping the platform.");
    stop.Cancel();
}
