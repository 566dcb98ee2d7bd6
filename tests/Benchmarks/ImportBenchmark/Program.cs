// The import benchmark (issue 16 point 2): a generated legacy year of N contacts (default 60,000, a
// large MASH; --contacts 2500000 for England's year) written as an export, imported with mash-import
// into the platform as the AppHost starts it, and the time until every projection has all of it: the
// import's own time, then until Quality's scorecard for the year counts every contact, decision,
// referral, outcome and feedback. Prints the figures; asserts nothing. Exit 1 when rows were refused.
using System.Diagnostics;
using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Mash.AppHost.Tests.Import;
using Mash.Contracts.Quality.V1;
using Mash.Importer;
using Mash.Testing.Identity;
using Microsoft.Extensions.DependencyInjection;
using PlatformBenchmark;

int Option(string name, int fallback) =>
    args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } value && int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n >= 1 ? n : fallback;
var contacts = Math.Max(4, Option("--contacts", 60_000));
var childrenAtOnce = Option("--children-at-once", ImportOptions.DefaultChildrenAtOnce);
var year = new LegacyYear(seed: 16, contactsPerQuarter: contacts / 4, children: Math.Max(10, contacts * 3 / 8));
var folder = Directory.CreateTempSubdirectory("mash-import-benchmark-").FullName;
var state = Directory.CreateTempSubdirectory("mash-import-benchmark-state-").FullName;
year.WriteTo(folder);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Import benchmark: {year.Cases.Count:N0} contacts over four quarters, export in {folder}; {childrenAtOnce} children at once; {Environment.ProcessorCount} cores."));

var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
    [$"MASH_STATE_DIR={state}", $"MASH_STACK=importbench{Environment.ProcessId}", .. TestTokens.Configuration.Select(s => $"{s.Key}={s.Value}")]);
await using var app = await builder.BuildAsync();
await app.StartAsync();
var model = app.Services.GetRequiredService<DistributedApplicationModel>();
await Task.WhenAll(model.Resources.Where(r => r is not ParameterResource && !r.HasAnnotationOfType<ExplicitStartupAnnotation>())
    .Select(r => app.ResourceNotifications.WaitForResourceHealthyAsync(r.Name)));

var begin = Stopwatch.GetTimestamp();
var cpuAtBegin = ProcessCpu.Take();
var options = new ImportOptions(folder, app.GetEndpoint("intake", "grpc"), app.GetEndpoint("triage", "grpc"), app.GetEndpoint("outcomes", "grpc"),
    // England's year takes over an hour, longer than a test token's lifetime.
    TestTokens.Create("legacy-import", ["Mash.Importer", "Mash.Practitioner"], expires: DateTime.UtcNow.AddHours(12)), Path.Combine(folder, ".checkpoint"), TimeSpan.FromMinutes(5), childrenAtOnce);
var stepsDone = 0;
using var reporting = new Timer(_ => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"  {Stopwatch.GetElapsedTime(begin).TotalSeconds:N0} s: {Volatile.Read(ref stepsDone):N0} steps")), null, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
var summary = await ImportRun.RunAsync(options, total => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{total:N0} steps to replay.")),
    _ => Interlocked.Increment(ref stepsDone), CancellationToken.None);
await reporting.DisposeAsync();
var imported = Stopwatch.GetElapsedTime(begin);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Imported: {summary.Replayed:N0} steps in {imported.TotalSeconds:N0} s ({summary.Replayed / imported.TotalSeconds:N0} steps/s); {summary.Problems.Count} rows refused; {summary.TriedAgain:N0} calls tried again while the platform caught up."));
foreach (var problem in summary.Problems.Take(10))
{
    Console.WriteLine($"  refused: {problem}");
}
if (summary.Problems.Count > 0)
{
    await app.StopAsync();
    return 1;
}

using var channel = GrpcChannel.ForAddress(app.GetEndpoint("quality", "grpc"));
var quality = new QualityService.QualityServiceClient(channel);
var board = new Metadata { { "authorization", $"Bearer {TestTokens.For("board-1", "Mash.BoardMember")}" } };
var referrals = year.Cases.Count(c => c.ThresholdMet);
while (true)
{
    var card = await quality.GetScorecardAsync(new GetScorecardRequest
    {
        From = Timestamp.FromDateTimeOffset(LegacyYear.Start), To = Timestamp.FromDateTimeOffset(LegacyYear.Start.AddYears(1)),
    }, board);
    if (card.ContactsByAgency.Values.Sum() == year.Cases.Count && card.DecisionsTimed == year.Cases.Count
        && card.Outcomes.Values.Sum() == year.Cases.Count && card.Referrals == referrals && card.ReferralsFedBack == referrals)
    {
        break;
    }
    await Task.Delay(TimeSpan.FromSeconds(1));
}
var all = Stopwatch.GetElapsedTime(begin);
var cpuAtEnd = ProcessCpu.Take();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Every projection has the year: {all.TotalSeconds:N0} s from the import's start ({year.Cases.Count / all.TotalSeconds:N0} contacts/s); goal for England's 2,500,000: under 1,800 s."));
// ImportBenchmark is also the importer (ImportRun runs in this process) and the AppHost's host.
Console.WriteLine($"CPU a step, every process on the machine until then: {cpuAtEnd.PerItemSince(cpuAtBegin, summary.Replayed)}.");
await app.StopAsync();
Directory.Delete(folder, recursive: true);
Directory.Delete(state, recursive: true);
return summary.Problems.Count == 0 ? 0 : 1;
