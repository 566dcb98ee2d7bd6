// Intake's submission benchmark: SubmitContact and SubmitContacts against Intake hosted in this
// process over real PostgreSQL and RabbitMQ, beside the ceilings for the same calls (grpc-dotnet
// answering at once; bare Kestrel and HttpClient) and PostgreSQL's own batched insert rate, then how fast the outbox drains. Prints figures; exits 0
// whatever they are, 1 only when a call fails, a bulk item is not accepted or the outbox does not
// drain, 2 on bad arguments. See BENCHMARKS.md.
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using Google.Protobuf;
using GrpcBenchmark;
using IntakeBenchmark;
using Mash.Contracts.Intake.V1;

var settings = Settings.Parse(args);
if (settings is null)
{
    Console.Error.WriteLine(Settings.Usage);
    return 2;
}

// Tiered compilation has settled when a warm-up run or import compiles fewer methods than this.
const int SettledJitMethods = 100;
const int MaxJitWarmups = 8;
const int MaxBulkWarmups = 8;

var contacts = new ContactSource(settings.RepeatShare, settings.OrderedRequestIds);
Console.WriteLine($"Intake submission benchmark: parts {string.Join(", ", Settings.AllParts.Where(settings.Runs))}; " +
    $"{settings.Concurrency} calls in flight over {settings.Connections} HTTP/2 connections (h2c, loopback), " +
    $"{settings.Rounds} round(s) of {settings.Warmup.TotalSeconds:0} s warm-up + {settings.Duration.TotalSeconds:0} s measured; " +
    $"bulk {settings.Bulk:N0} contacts over {settings.BulkStreams} stream(s), a contact a message then {settings.BulkBatch} a batch; " +
    $"request ids {(settings.OrderedRequestIds ? "ordered by time (version 7 UUIDs)" : "random (version 4 UUIDs)")}; {settings.Outbox:N0} events preloaded into the outbox.");
Console.WriteLine($"A SubmitContactRequest is {new ContactSource(0).Next().CalculateSize()} bytes. {Environment.ProcessorCount} cores, .NET {Environment.Version}, " +
    $"server GC {GCSettings.IsServerGC}; Intake, the ceiling's service and the clients in one process, PostgreSQL (fsync on) and RabbitMQ as processes.");

Servers? servers = null;
// Ctrl+C or SIGTERM: stop the servers and remove their state before going.
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupted);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupted);
var results = new Results();
try
{
    if (settings.Runs("ceiling"))
    {
        // grpc-dotnet answering at once (what no Intake can beat), then bare Kestrel and HttpClient
        // doing the same framing by hand (what grpc-dotnet cannot beat).
        await using var ceilingHost = await CeilingHost.StartAsync(bare: false);
        await using var bareHost = await CeilingHost.StartAsync(bare: true);
        using var ceiling = new SubmitTarget("ceiling (grpc-dotnet)", ceilingHost.Address, settings.Connections, new ContactSource(0));
        using var bare = BareIntake.SubmitContactTarget("ceiling (bare Kestrel + HttpClient)", bareHost.Address, settings.Connections, new ContactSource(0));
        results.Ceiling = await RoundsAsync(ceiling);
        results.BareCeiling = await RoundsAsync(bare);
        if (settings.Runs("bulk"))
        {
            results.BulkCeiling = (await BulkRoundsAsync("ceiling", n => BulkImport.RunAsync(ceiling.Client, contacts, n, settings.BulkStreams), intake: null)).Import;
            if (settings.BulkBatch > 0)
            {
                results.BatchCeiling = (await BulkRoundsAsync("ceiling, batches", n => BulkImport.RunBatchesAsync(ceiling.Client, contacts, n, settings.BulkStreams, settings.BulkBatch), intake: null)).Import;
            }
            using var bareBulk = new BareBulkImport(bareHost.Address);
            results.BareBulkCeiling = (await BulkRoundsAsync("bare ceiling", n => bareBulk.RunAsync(contacts, n, settings.BulkStreams), intake: null)).Import;
        }
    }

    var needsIntake = settings.Runs("unary") || settings.Runs("bulk") || settings.Runs("outbox");
    if (settings.Runs("postgres") || needsIntake)
    {
        Console.WriteLine("Starting PostgreSQL" + (needsIntake ? " and RabbitMQ" : "") + "...");
        servers = await Servers.StartAsync(withRabbitMq: needsIntake);
    }

    if (settings.Runs("postgres"))
    {
        await using var postgres = await PostgresInsertRate.CreateAsync(servers!.Postgres, settings.Batch);
        var unnest = new List<InsertMeasurement>();
        var copy = new List<InsertMeasurement>();
        for (var round = 1; round <= settings.Rounds; round++)
        {
            unnest.Add(Print(round, await postgres.MeasureUnnestAsync(settings.PostgresWriters, settings.Warmup, settings.Duration)));
            copy.Add(Print(round, await postgres.MeasureCopyAsync(settings.PostgresWriters, settings.Warmup, settings.Duration)));
        }
        results.Unnest = unnest.OrderBy(m => m.RowsPerSecond).ElementAt(unnest.Count / 2);
        results.Copy = copy.OrderBy(m => m.RowsPerSecond).ElementAt(copy.Count / 2);
    }

    if (needsIntake)
    {
        Console.WriteLine("Starting Intake (migrations, bus)...");
        await using var intake = await IntakeHost.StartAsync(servers!.Postgres, servers.RabbitMq!);
        using var unary = new SubmitTarget("SubmitContact (unary)", intake.Address, settings.Connections, contacts);
        if (settings.Runs("unary"))
        {
            await CheckpointAsync();
            results.Unary = await RoundsAsync(unary);
            results.UnaryDrain = PrintDrain("after unary", await OutboxDrain.WaitUntilEmptyAsync(intake.DatabaseConnectionString));
        }
        if (settings.Runs("bulk"))
        {
            await CheckpointAsync();
            (results.Bulk, results.BulkDrain) = await BulkRoundsAsync("Intake", n => BulkImport.RunAsync(unary.Client, contacts, n, settings.BulkStreams), intake);
            if (settings.BulkBatch > 0)
            {
                await CheckpointAsync();
                (results.Batches, results.BatchesDrain) = await BulkRoundsAsync("Intake, batches", n => BulkImport.RunBatchesAsync(unary.Client, contacts, n, settings.BulkStreams, settings.BulkBatch), intake);
            }
        }
        if (settings.Runs("outbox"))
        {
            await OutboxDrain.PreloadAsync(intake.DatabaseConnectionString, settings.Outbox);
            results.PreloadedDrain = PrintDrain("preloaded", await OutboxDrain.WaitUntilEmptyAsync(intake.DatabaseConnectionString));
        }
        if (settings.RepeatShare > 0)
        {
            Console.WriteLine($"  {contacts.Repeats:N0} contacts were about an earlier contact's subject.");
        }
    }

    results.Print(settings);
    return 0;
}
catch (Exception ex)
{
    Console.Error.WriteLine($"benchmark failed: {ex}");
    return 1;
}
finally
{
    if (servers is not null)
    {
        await servers.DisposeAsync();
    }
}

// Rounds of warm-up then measurement, 64 workers calling back to back; the median round by rate.
// First unrecorded runs until the JIT has settled: tiered compilation (tier 0, instrumented, then
// optimised with PGO) takes tens of seconds under load, and would otherwise be measured as the
// service's cost.
async Task<Measurement> RoundsAsync(IBenchTarget target)
{
    for (var warmup = 1; settings.JitWarmup > TimeSpan.Zero && warmup <= MaxJitWarmups; warmup++)
    {
        var jit = JitActivity.Start();
        var run = await LoadGenerator.RunAsync(target, settings.Concurrency, TimeSpan.Zero, settings.JitWarmup);
        var compiled = jit.Stop();
        Line($"  jit warm-up {warmup}: {run.Name,-36} {run.CallsPerSecond,9:N0} calls/s (not recorded); {compiled}");
        if (compiled.Methods < SettledJitMethods)
        {
            break;
        }
    }
    var rounds = new List<Measurement>();
    for (var round = 1; round <= settings.Rounds; round++)
    {
        var jit = JitActivity.Start();
        var m = await LoadGenerator.RunAsync(target, settings.Concurrency, settings.Warmup, settings.Duration);
        var compiled = jit.Stop();
        rounds.Add(m);
        Line($"  round {round}: {m.Name,-42} {m.CallsPerSecond,9:N0} calls/s  p50 {m.P50Ms,7:0.000} ms  p99 {m.P99Ms,7:0.000} ms  {m.CpuMicrosecondsPerCall,6:0.0} CPU us/call ({m.Cores:0.00} cores); {compiled}");
    }
    return rounds.OrderBy(m => m.CallsPerSecond).ElementAt(rounds.Count / 2);
}

// Unrecorded imports first, until the JIT is (almost) idle, so the measured ones pay for no tiered
// recompilation and no cold connections; then the measured imports, each followed by the outbox's
// drain (Intake's, not the ceiling's). The median import by rate, with the drain that followed it.
async Task<(BulkResult Import, DrainResult? Drain)> BulkRoundsAsync(string server, Func<int, Task<BulkResult>> import, IntakeHost? intake)
{
    for (var warmup = 1; warmup <= MaxBulkWarmups; warmup++)
    {
        var jit = Check(PrintBulk($"{server}, warm-up {warmup}", await import(settings.BulkWarmup))).Jit;
        if (intake is not null)
        {
            await OutboxDrain.WaitUntilEmptyAsync(intake.DatabaseConnectionString);
        }
        if (jit.Methods < SettledJitMethods)
        {
            break;
        }
    }
    var rounds = new List<(BulkResult Import, DrainResult? Drain)>();
    for (var round = 1; round <= settings.Rounds; round++)
    {
        var stored = intake is null ? (long?)null : await intake.CountContactsAsync();
        var imported = Check(PrintBulk($"{server}, round {round}", await import(settings.Bulk) with { StoredBefore = stored }));
        rounds.Add((imported, intake is null ? null : PrintDrain($"after {server} round {round}", await OutboxDrain.WaitUntilEmptyAsync(intake.DatabaseConnectionString))));
    }
    return rounds.OrderBy(r => r.Import.ContactsPerSecond).ElementAt(rounds.Count / 2);
}

// Each Intake part starts from a written-out database (see Servers.CheckpointAsync).
async Task CheckpointAsync()
{
    var started = Stopwatch.GetTimestamp();
    await servers!.CheckpointAsync();
    Line($"  checkpoint before the next part: {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
}

InsertMeasurement Print(int round, InsertMeasurement m)
{
    Line($"  round {round}: {m.Name,-48} {m.RowsPerSecond,9:N0} rows/s  p50 {m.P50Ms,7:0.000} ms  p99 {m.P99Ms,7:0.000} ms a batch");
    return m;
}

BulkResult PrintBulk(string what, BulkResult bulk)
{
    var into = bulk.StoredBefore is { } stored ? $" into {stored:N0} stored" : "";
    Line($"  bulk ({what}): {bulk.Contacts:N0} contacts{into} over {bulk.Streams} stream(s) in {bulk.Seconds:0.00} s = {bulk.ContactsPerSecond:N0} contacts/s; {bulk.Accepted:N0} accepted, {bulk.Rejected:N0} rejected; {bulk.Jit}; {bulk.Allocated / 1024.0 / bulk.Contacts:0.0} KB allocated a contact; {bulk.Cpu.PerContact(bulk.Contacts)}");
    return bulk;
}

DrainResult PrintDrain(string what, DrainResult drain)
{
    Line($"  outbox ({what}): {drain.Backlog:N0} events left, gone in {drain.Seconds:0.00} s = {drain.EventsPerSecond:N0} events/s");
    return drain;
}

// Every item must be accepted: a rejection means the contacts or the service are wrong, not slow.
static BulkResult Check(BulkResult bulk) => bulk.AllAccepted
    ? bulk
    : throw new InvalidDataException($"Only {bulk.Accepted:N0} of {bulk.Contacts:N0} contacts were accepted; first rejection: {bulk.FirstRejection}");

static void Line(FormattableString text) => Console.WriteLine(text.ToString(CultureInfo.InvariantCulture));

void Interrupted(PosixSignalContext context)
{
    context.Cancel = true;
    Console.Error.WriteLine("Interrupted: stopping PostgreSQL and RabbitMQ.");
    servers?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    Environment.Exit(130);
}
