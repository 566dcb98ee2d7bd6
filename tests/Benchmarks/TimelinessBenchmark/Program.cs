// Timeliness's alert benchmark (MEASURES.md T4, issue 14 point 8): Timeliness in this process as
// Program.cs hosts it, on a real PostgreSQL and RabbitMQ, with 100,000 open clocks whose 200,000
// alerts (an approach and a breach each) fall due evenly over a window. Prints how late alerts
// were raised and seen after their moment (p50/p99, goal p99 <= 1 s) and what an open clock costs:
// process memory (GC heap and working set, before and after the clocks exist) and table bytes.
// Exits 0 whatever the figures; 1 if an alert is missing or raised twice. See BENCHMARKS.md.
using System.Diagnostics;
using Mash.Testing.Servers;
using Npgsql;
using TimelinessBenchmark;

var clocks = args.Length > 0 ? int.Parse(args[0]) : 100_000;
var window = TimeSpan.FromSeconds(args.Length > 1 ? int.Parse(args[1]) : 100);
var approachLead = window / 2;
var goal = TimeSpan.FromSeconds(1);

Console.WriteLine($"Timeliness alert benchmark: {clocks:N0} open clocks, {2 * clocks:N0} alerts due evenly over {window.TotalSeconds:0} s; " +
    $"{Environment.ProcessorCount} cores, .NET {Environment.Version}; Timeliness in this process, PostgreSQL (fsync on) and RabbitMQ as processes.");
Console.WriteLine($"Load average at start: {File.ReadAllText("/proc/loadavg").Trim()}");

await using var servers = new ServerSet("mash-timeliness-bench-");
PostgresServer? postgres = null;
RabbitMqServer? rabbitMq = null;
await servers.StartTogetherAsync(
    async () => postgres = await servers.StartAsync(root => PostgresServer.StartAsync(root)),
    async () => rabbitMq = await servers.StartAsync(RabbitMqServer.StartAsync));
var connectionString = postgres!.ConnectionString(await postgres.CreateDatabaseAsync("timeliness"));
await using var database = NpgsqlDataSource.Create(connectionString);
await using var timeliness = await TimelinessHost.StartAsync(connectionString, rabbitMq!.ConnectionString);

var (heapBefore, setBefore) = Memory();
var windowStart = DateTimeOffset.UtcNow.AddSeconds(30);
var seeding = Stopwatch.StartNew();
await OpenClocks.SeedAsync(database, clocks, windowStart, window, approachLead);
Console.WriteLine($"Seeded {clocks:N0} open clocks in {seeding.Elapsed.TotalSeconds:0.0} s; the window opens at {windowStart:HH:mm:ss} UTC.");
// The scheduler has looked at them (it checks at least every second) before memory is measured.
await Task.Delay(TimeSpan.FromSeconds(3));
var (heapAfter, setAfter) = Memory();
var tableBytes = await ScalarAsync<long>(database, "SELECT pg_total_relation_size('clocks') + pg_total_relation_size('alert_deadlines')");
var deadlineBytes = await ScalarAsync<long>(database, "SELECT pg_total_relation_size('alert_deadlines')");
Console.WriteLine($"An open clock costs: process GC heap {(heapAfter - heapBefore) / (double)clocks:0.0} bytes ({heapBefore / 1e6:0.0} -> {heapAfter / 1e6:0.0} MB), " +
    $"working set {(setAfter - setBefore) / (double)clocks:0.0} bytes ({setBefore / 1e6:0.0} -> {setAfter / 1e6:0.0} MB); " +
    $"PostgreSQL {tableBytes / (double)clocks:0} bytes with indexes (clocks + alert_deadlines; alert_deadlines alone {deadlineBytes / (double)clocks:0}).");

var load = File.ReadAllText("/proc/loadavg").Trim();
var lateness = new Lateness(database);
using var guard = new CancellationTokenSource(window + TimeSpan.FromMinutes(10));
var following = Stopwatch.StartNew();
await lateness.FollowAsync(2 * clocks, TimeSpan.FromMilliseconds(50), guard.Token);
var (p50, p99, max) = await lateness.RaisedAsync();
var seen = lateness.SeenLateSeconds;
var seenP99 = Lateness.Percentile(seen, 99);
var (logged, distinct) = (await ScalarAsync<long>(database, "SELECT count(*) FROM alerts"), await ScalarAsync<long>(database, "SELECT count(DISTINCT (contact_id, kind)) FROM alerts"));
Console.WriteLine($"Alerts: {logged:N0} raised ({distinct:N0} distinct clock and kind) in {following.Elapsed.TotalSeconds:0} s; load average before {load}, after {File.ReadAllText("/proc/loadavg").Trim()}.");
Console.WriteLine($"Raised after their moment (raised_at - occurred_at): p50 {p50 * 1000:0} ms, p99 {p99 * 1000:0} ms, max {max * 1000:0} ms; p99 / goal (1 s) = {p99 / goal.TotalSeconds:0.00}.");
Console.WriteLine($"Seen by a reader polling the log every 50 ms: p50 {Lateness.Percentile(seen, 50) * 1000:0} ms, p99 {seenP99 * 1000:0} ms, max {seen.Max() * 1000:0} ms; p99 / goal = {seenP99 / goal.TotalSeconds:0.00}.");
return logged == 2 * clocks && distinct == logged ? 0 : 1;

static (long Heap, long WorkingSet) Memory()
{
    var heap = GC.GetTotalMemory(forceFullCollection: true);
    using var process = Process.GetCurrentProcess();
    return (heap, process.WorkingSet64);
}

static async Task<T> ScalarAsync<T>(NpgsqlDataSource database, string sql)
{
    await using var command = database.CreateCommand(sql);
    return (T)(await command.ExecuteScalarAsync())!;
}
