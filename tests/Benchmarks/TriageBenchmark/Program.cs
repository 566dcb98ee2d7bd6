// Triage's paging benchmark: 16 practitioners page concurrently through a 100,000-contact backlog
// (ListQueue over gRPC with their JWTs, each page audited), whole-queue walks and filtered ones,
// and the p50/p99 of a page. Prints figures and the machine's load; exits 0 whatever they are, 1
// when a walk misses or repeats a contact. See BENCHMARKS.md, "Triage paging".
using System.Diagnostics;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Triage.V1;
using Mash.ServiceDefaults;
using Mash.Testing.Identity;
using Mash.Testing.Servers;
using Mash.Triage.Queue;
using Microsoft.Extensions.DependencyInjection;
using TriageBenchmark;

var contacts = args.Length > 0 ? int.Parse(args[0]) : 100_000;
var readers = args.Length > 1 ? int.Parse(args[1]) : 16;
var walksEach = args.Length > 2 ? int.Parse(args[2]) : 3;
const int PageSize = 100;

Console.WriteLine($"Triage paging benchmark: {contacts:N0} contacts, {readers} concurrent readers, {walksEach} walks each, {PageSize} a page; " +
    $"{Environment.ProcessorCount} cores, .NET {Environment.Version}; Triage and the readers in one process, PostgreSQL (fsync on) as a process.");
Console.WriteLine($"Load average at start: {File.ReadAllText("/proc/loadavg").Trim()}");

var postgres = new ServicePostgres("triage-bench", Mash.Triage.Extensions.Migrations.Select(m => m.Sql));
await postgres.InitializeAsync();
try
{
    var database = await postgres.CreateDatabaseAsync();
    await using var host = await TriageHost.StartAsync(database);
    var seeding = Stopwatch.StartNew();
    await Backlog.SeedAsync(database, host.Services.GetRequiredService<ReceivedContacts>(), contacts, DateTimeOffset.UtcNow);
    var undecided = await Backlog.UndecidedAsync(database);
    Console.WriteLine($"Seeded in {seeding.Elapsed.TotalSeconds:0.0} s: {undecided:N0} undecided.");

    using var channel = host.Channel();
    var client = new TriageService.TriageServiceClient(channel);

    // Warm-up: one walk, to compile and fill PostgreSQL's cache.
    await Walks.WalkAsync(client, Walks.Token("warm-up"), new ListQueueRequest { PageSize = PageSize }, new Latencies());

    var failed = false;
    foreach (var (name, request) in new (string, Func<int, ListQueueRequest>)[]
    {
        ("whole queue", _ => new ListQueueRequest { PageSize = PageSize }),
        ("one agency", r => new ListQueueRequest { PageSize = PageSize, AgencyIds = { Backlog.AgencyId(r) } }),
        ("Red or unrated, children", _ => new ListQueueRequest { PageSize = PageSize, Rags = { Rag.Red, Rag.Unspecified }, Pathways = { Pathway.Children } }),
    })
    {
        var latencies = new Latencies();
        var load = File.ReadAllText("/proc/loadavg").Trim();
        var clock = Stopwatch.StartNew();
        var walks = await Task.WhenAll(Enumerable.Range(0, readers).Select(async r =>
        {
            var seen = new List<int>();
            for (var w = 0; w < walksEach; w++)
            {
                seen.Add(await Walks.WalkAsync(client, Walks.Token($"sw-{r}"), request(r), latencies));
            }
            return seen;
        }));
        var elapsed = clock.Elapsed;
        var sizes = walks.SelectMany(w => w).Distinct().ToList();
        if (sizes.Contains(-1) || (name == "whole queue" && sizes.Any(s => s != undecided)))
        {
            Console.WriteLine($"  a whole-queue walk saw {string.Join(", ", sizes)} contacts, not {undecided:N0}");
            failed = true;
        }
        Console.WriteLine($"{name}: {latencies.Count:N0} pages in {elapsed.TotalSeconds:0.0} s ({latencies.Count / elapsed.TotalSeconds:N0} pages/s, " +
            $"{latencies.Count * (double)PageSize / elapsed.TotalSeconds:N0} items/s); a page p50 {latencies.Percentile(50):0.0} ms, p99 {latencies.Percentile(99):0.0} ms; " +
            $"walk sizes {string.Join("/", sizes.Select(s => s.ToString("N0")))}; load average before {load}, after {File.ReadAllText("/proc/loadavg").Trim()}");
    }
    return failed ? 1 : 0;
}
finally
{
    await postgres.DisposeAsync();
}

internal static class Walks
{
    public static Grpc.Core.Metadata Token(string practitioner) => TestTokens.Bearer(TestTokens.For(practitioner, MashRoles.Practitioner));

    /// <summary>Pages from the first page to the last, timing each; returns how many distinct contacts it saw, or -1 if it saw one twice.</summary>
    public static async Task<int> WalkAsync(TriageService.TriageServiceClient client, Grpc.Core.Metadata token, ListQueueRequest request, Latencies latencies)
    {
        var seen = new HashSet<string>();
        while (true)
        {
            var started = Stopwatch.GetTimestamp();
            var page = await client.ListQueueAsync(request, token);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            foreach (var item in page.Items)
            {
                if (!seen.Add(item.ContactId))
                {
                    return -1;
                }
            }
            if (page.NextPageToken == "")
            {
                return seen.Count;
            }
            request = new ListQueueRequest(request) { PageToken = page.NextPageToken };
        }
    }
}

internal sealed class Latencies
{
    private readonly List<double> values = [];

    public int Count
    {
        get
        {
            lock (values)
            {
                return values.Count;
            }
        }
    }

    public void Add(double milliseconds)
    {
        lock (values)
        {
            values.Add(milliseconds);
        }
    }

    public double Percentile(int p)
    {
        lock (values)
        {
            var sorted = values.Order().ToList();
            return sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];
        }
    }
}
