// Quality's scorecard benchmark (issue 15 point 7): "a year's scorecard over 10,000,000 contacts
// answers in under one second (p99)". Quality in this process as Program.cs hosts it, on a real
// PostgreSQL and RabbitMQ; N contacts' facts over two financial years written by binary COPY into
// its own tables; then a board member asks GetScorecard for the year, its quarters, the year to
// date and the rolling year, and GetAssurance, over gRPC with a JWT, round after round. Prints
// p50/p95/p99 per ask and overall, p99 / 1 s, and a ceiling measured in the same run (the year
// counted in SQL); Quality reads whole days from its per-day rollups (migration 0010, filled by its
// triggers as the COPY writes the facts), and the same year read from the facts alone is timed and
// compared. Exits 0 whatever the figures; 1 if the year's scorecard miscounts its contacts or the
// rollups' scorecard differs from the facts'.
// See BENCHMARKS.md, "Quality scorecard".
using System.Diagnostics;
using Mash.Contracts.Quality.V1;
using Mash.Quality.Facts;
using Mash.Quality.Indicators;
using Mash.ServiceDefaults;
using Mash.Testing.Identity;
using Mash.Testing.Servers;
using Npgsql;
using Microsoft.Extensions.DependencyInjection;
using QualityBenchmark;

var contacts = Argument("contacts", 10_000_000);
var rounds = Argument("rounds", 10);
var goal = TimeSpan.FromSeconds(1);

Console.WriteLine($"Quality scorecard benchmark: {contacts:N0} contacts over financial years 2024/25 and 2025/26, {rounds} rounds; " +
    $"{Environment.ProcessorCount} cores, .NET {Environment.Version}; Quality and the board member's client in this process, PostgreSQL (fsync off: reads are measured) and RabbitMQ as processes.");
Console.WriteLine($"Load average at start: {Load()}");

await using var servers = new ServerSet("mash-quality-bench-");
PostgresServer? postgres = null;
RabbitMqServer? rabbitMq = null;
await servers.StartTogetherAsync(
    async () => postgres = await servers.StartAsync(root => PostgresServer.StartAsync(root)),
    async () => rabbitMq = await servers.StartAsync(RabbitMqServer.StartAsync));
var connectionString = postgres!.ConnectionString(await postgres.CreateDatabaseAsync("quality"));
// No command timeout for the benchmark's own statements: a COPY fires Quality's rollup triggers over the whole table at once.
await using var database = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString);
await using var quality = await QualityHost.StartAsync(connectionString, rabbitMq!.ConnectionString);

var loading = Stopwatch.StartNew();
var rows = await FactLoad.LoadAsync(database, contacts);
var bytes = await ScalarAsync(database, "SELECT pg_database_size(current_database())");
Console.WriteLine($"Loaded {rows:N0} fact rows ({rows / (double)contacts:0.0} a contact, database {bytes / 1e9:0.00} GB) by COPY in {loading.Elapsed.TotalSeconds:0} s, VACUUM ANALYZE included.");

using var channel = quality.Channel();
var scorecards = new QualityService.QualityServiceClient(channel);
var assurance = new AssuranceService.AssuranceServiceClient(channel);
var board = TestTokens.Options(TestTokens.For("board-member-1", MashRoles.BoardMember));
var year = Asks.Year;

// Warm-up: each ask once, to compile and fill PostgreSQL's cache; and the year's contacts checked.
var expected = await Ceiling.CountAsync(database, Ceiling.Contacts, year);
var warmUp = new Latencies();
var yearCard = new Scorecard();
await warmUp.TimeAsync(async () => yearCard = await scorecards.GetScorecardAsync(Asks.Scorecards[0].Request, board));
var counted = yearCard.ContactsByAgency.Values.Sum();
Console.WriteLine($"The financial year 2025/26: {counted:N0} contacts on the scorecard, {expected:N0} in the table.");
foreach (var (_, request) in Asks.Scorecards.Skip(1))
{
    await warmUp.TimeAsync(() => scorecards.GetScorecardAsync(request, board).ResponseAsync);
}
foreach (var (_, request) in Asks.Assurance)
{
    await warmUp.TimeAsync(() => assurance.GetAssuranceAsync(request, board).ResponseAsync);
}
Console.WriteLine($"Warm-up, each ask once: {warmUp.Summary}.");

var load = Load();
var byAsk = Asks.Scorecards.Select(a => a.Name).Concat(Asks.Assurance.Select(a => a.Name)).ToDictionary(n => n, _ => new Latencies());
var allScorecards = new Latencies();
var ceiling = (Contacts: new Latencies(), EveryTable: new Latencies());
// Where a year's call goes: Quality's read of the year (rollups for whole days, the rest from facts),
// in process; and the same read from the facts alone (no time zone: no rollups), as before 0010.
var factReader = quality.Services.GetRequiredService<FactReader>();
var factsOnly = new FactReader(database);
var factsRead = new Latencies();
var factsOnlyRead = new Latencies();
for (var round = 0; round < rounds; round++)
{
    foreach (var (name, request) in Asks.Scorecards)
    {
        allScorecards.Add(await byAsk[name].TimeAsync(() => scorecards.GetScorecardAsync(request, board).ResponseAsync));
    }
    foreach (var (name, request) in Asks.Assurance)
    {
        await byAsk[name].TimeAsync(() => assurance.GetAssuranceAsync(request, board).ResponseAsync);
    }
    await factsRead.TimeAsync(() => factReader.ReadAsync(new Period(year.From, year.To), CancellationToken.None));
    await factsOnlyRead.TimeAsync(() => factsOnly.ReadAsync(new Period(year.From, year.To), CancellationToken.None));
    await ceiling.Contacts.TimeAsync(() => Ceiling.CountAsync(database, Ceiling.Contacts, year));
    await ceiling.EveryTable.TimeAsync(() => Ceiling.CountAsync(database, Ceiling.EveryTable, year));
}

Console.WriteLine($"Calls, one board member at a time (load average before {load}, after {Load()}):");
foreach (var (name, latencies) in byAsk)
{
    Console.WriteLine($"  {name}: {latencies.Summary}; p99 / goal (1 s) = {latencies.Percentile(99) / goal.TotalMilliseconds:0.00}");
}
var p99 = allScorecards.Percentile(99);
Console.WriteLine($"Every scorecard ({allScorecards.Count} calls): {allScorecards.Summary}; p99 / goal (1 s) = {p99 / goal.TotalMilliseconds:0.00}.");
Console.WriteLine($"Of which Quality's read of the financial year (FactReader, in process, rollups where built): {factsRead.Summary}; " +
    $"the same from the facts alone: {factsOnlyRead.Summary}.");
Console.WriteLine($"Ceiling, the financial year in SQL alone: one count of its contacts {ceiling.Contacts.Summary}; " +
    $"every table the scorecard reads counted in one statement {ceiling.EveryTable.Summary}.");
Console.WriteLine($"A year's scorecard p99 / every table counted p99 = {p99 / ceiling.EveryTable.Percentile(99):0.0}; " +
    $"/ one count of contacts p99 = {p99 / ceiling.Contacts.Percentile(99):0.0}.");

// The rollups must say what the facts say: the year's scorecard both ways, in process.
var period = new Period(year.From, year.To);
var rolledCard = Scorecards.Compute(await factReader.ReadAsync(period, CancellationToken.None));
var factsCard = Scorecards.Compute(await factsOnly.ReadAsync(period, CancellationToken.None));
var agree = rolledCard.Equals(factsCard);
Console.WriteLine(agree
    ? "The financial year's scorecard from the rollups is the scorecard from the facts alone, split by split."
    : $"DIFFERS: the financial year's scorecard from the rollups {rolledCard}, from the facts alone {factsCard}.");
// O4 as Outcomes' GetFeedbackCounts counts it (owed, told, time from the outcome to the telling), both ways.
foreach (var (read, card) in new[] { ("rollups", rolledCard), ("facts", factsCard) })
{
    Console.WriteLine($"O4 of the financial year from the {read}: owed {string.Join(", ", card.AgenciesOwed.OrderBy(o => o.Key).Select(o => $"{o.Key} {o.Value:N0}"))}; " +
        $"told {string.Join(", ", card.AgenciesTold.OrderBy(t => t.Key).Select(t => $"{t.Key} {t.Value:N0}"))}; " +
        $"{100.0 * card.AgenciesTold.Values.Sum() / Math.Max(1, card.AgenciesOwed.Values.Sum()):0.0} % told, mean {card.MeanHoursToFeedback:0.00} h to tell.");
}

if (args.Contains("--explain"))
{
    foreach (var sql in Ceiling.Explained)
    {
        Console.WriteLine($"EXPLAIN (ANALYZE, BUFFERS), the financial year:{Environment.NewLine}  {sql.ReplaceLineEndings(" ")}");
        foreach (var line in await Ceiling.ExplainAsync(database, sql, year))
        {
            Console.WriteLine($"    {line}");
        }
    }
}
return counted == expected && agree ? 0 : 1;

int Argument(string name, int fallback) =>
    args.FirstOrDefault(a => a.StartsWith($"--{name}=", StringComparison.Ordinal)) is { } given ? int.Parse(given[(name.Length + 3)..]) : fallback;

static string Load() => File.ReadAllText("/proc/loadavg").Trim();

static async Task<long> ScalarAsync(NpgsqlDataSource database, string sql)
{
    await using var command = database.CreateCommand(sql);
    return Convert.ToInt64(await command.ExecuteScalarAsync());
}
