using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Mash.AppHost.Restarts;
using Mash.AppHost.Tests.Support;
using Mash.Contracts.Intake.V1;
using Xunit.Abstractions;

namespace Mash.AppHost.Tests.Faults;

/// <summary>
/// What is left after <see cref="FaultRun"/>: every service, then RabbitMQ, PostgreSQL and Redis,
/// killed with SIGKILL under a steady load of SubmitContact and brought back by the AppHost.
/// </summary>
public sealed class FaultTests(FaultRun run, ITestOutputHelper output) : IClassFixture<FaultRun>
{
    private const int ReadersInFlight = 16;

    private HashSet<string> Acknowledged => [.. run.Load.Receipts.Values.Select(r => r.ContactId)];

    [Fact]
    public void Each_service_and_server_killed_under_load_is_restarted_by_the_AppHost_and_serves_again()
    {
        output.WriteLine(run.Timeline);
        output.WriteLine("");
        output.WriteLine($"From restart to the first SERVING health check (a service: goal {Recovery.ServingGoal.TotalSeconds:0} s) or answered query (a server):");
        foreach (var target in FaultRun.Targets)
        {
            var recoveries = run.Recoveries.Where(r => r.Resource == target).ToList();
            var times = string.Join(", ", recoveries.Select(r => r.ServingAfterRestart.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)));
            output.WriteLine(recoveries.All(r => r.IsService)
                ? $"  {target,-10} {times} s: {(recoveries.All(r => r.MeetsServingGoal) ? "met" : "NOT met")}"
                : $"  {target,-10} {times} s");
        }
        var services = run.Recoveries.Where(r => r.IsService).ToList();
        var missed = services.Where(r => !r.MeetsServingGoal).ToList();
        output.WriteLine(missed.Count == 0
            ? $"A killed service serves again within {Recovery.ServingGoal.TotalSeconds:0} s of being restarted: met ({services.Count} restarts, the slowest {services.Max(r => r.ServingAfterRestart.TotalSeconds):0.00} s)"
            : $"A killed service serves again within {Recovery.ServingGoal.TotalSeconds:0} s of being restarted: NOT met ({missed.Count} of {services.Count} restarts slower: " +
              $"{string.Join(", ", missed.Select(r => $"{r.Resource} {r.ServingAfterRestart.TotalSeconds:0.00} s"))})");

        for (var round = 1; round <= run.Rounds; round++)
        {
            Assert.Equal(FaultRun.Targets, run.Recoveries.Where(r => r.Round == round).Select(r => r.Resource));
        }
        Assert.All(run.Recoveries, r =>
        {
            Assert.NotEmpty(r.Killed);
            // Served again by a process started after the kill, and the platform took contacts after that.
            Assert.True(r.KilledAt < r.RestartedAt && r.RestartedAt <= r.ServingAt && r.ServingAt <= r.EveryServiceServingAt && r.ServingAt <= r.NextAcknowledgedAt, r.Describe());
        });
        // The supervisor, not the test, brought each back: it counts its restarts on the resource.
        Assert.All(FaultRun.Targets, target => Assert.True(Restarts(target) >= run.Rounds, $"{target} shows {Restarts(target)} restart(s) after {run.Rounds} kill(s)."));
    }

    [Fact]
    public void Each_service_runs_from_its_build_output_as_the_orchestrators_own_process()
    {
        foreach (var service in RunningPlatform.Services)
        {
            // `dotnet <the service's build output>/<Project>.dll`, not `dotnet run`, which spends seconds in MSBuild at every start.
            var commandLine = Probes.CommandLine(run.Platform.ProcessId(service));
            output.WriteLine($"{service}: {string.Join(' ', commandLine)}");
            Assert.True(commandLine is [var dotnet, var assembly] && Path.GetFileName(dotnet) == "dotnet"
                && string.Equals(Path.GetFileName(assembly), $"{service}.dll", StringComparison.OrdinalIgnoreCase)
                && assembly.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal),
                $"{service} runs as: {string.Join(' ', commandLine)}");
        }
    }

    [Fact]
    public void Every_contact_submitted_was_acknowledged_and_no_answer_was_other_than_a_receipt_or_a_transient_failure()
    {
        output.WriteLine(run.Load.Describe());
        var refusals = run.Load.Refusals;
        Assert.True(refusals.Count == 0, $"{refusals.Count} submission(s) got an answer a client cannot retry: " +
            string.Join("; ", refusals.GroupBy(r => (r.Code, r.Detail)).Select(g => $"{g.Key.Code} \"{g.Key.Detail}\" x{g.Count()}")) +
            $"\n{run.ConsoleTail("intake")}");
        Assert.Equal(run.Load.Released, run.Load.Acknowledgements);
        Assert.True(run.Load.Acknowledgements > 0);
        var contactIds = run.Load.Receipts.Values.Select(r => r.ContactId).ToList();
        Assert.Equal(contactIds.Count, contactIds.Distinct().Count());
    }

    [Fact]
    public async Task Every_acknowledged_contact_is_readable_in_Intake_and_Intake_stores_no_other()
    {
        var clock = Stopwatch.StartNew();
        var misread = new ConcurrentQueue<string>();
        await Parallel.ForEachAsync(run.Load.Receipts.Values, new ParallelOptions { MaxDegreeOfParallelism = ReadersInFlight }, async (receipt, ct) =>
        {
            var record = await Retrying.CallAsync((deadline, c) => run.Intake.GetContactAsync(new GetContactRequest { ContactId = receipt.ContactId }, run.Credentials, deadline, c).ResponseAsync, ct);
            if (record.ContactId != receipt.ContactId || record.Contact.Subjects[0].FamilyName != receipt.Request.Contact.Subjects[0].FamilyName)
            {
                misread.Enqueue($"{receipt.ContactId} read back as {record.ContactId} about {record.Contact.Subjects[0].FamilyName}");
            }
        });
        output.WriteLine($"{run.Load.Acknowledgements} contacts read back with GetContact in {clock.Elapsed.TotalSeconds:0.0} s");

        Assert.True(misread.IsEmpty, $"{misread.Count} contact(s) read back wrong, e.g. {misread.FirstOrDefault()}");
        var acknowledged = Acknowledged;
        var unacknowledged = run.Stored.Except(acknowledged).ToList();
        var unlisted = acknowledged.Except(run.Stored).ToList();
        Assert.True(unacknowledged.Count == 0, $"Intake stores {unacknowledged.Count} contact(s) it never acknowledged (a request stored twice?), e.g. {unacknowledged.FirstOrDefault()}.");
        Assert.True(unlisted.Count == 0, $"ListContacts leaves out {unlisted.Count} acknowledged contact(s), e.g. {unlisted.FirstOrDefault()}.");
    }

    [Fact]
    public async Task A_retry_of_every_acknowledged_request_returns_the_same_contact()
    {
        var clock = Stopwatch.StartNew();
        var changed = new ConcurrentQueue<string>();
        await Parallel.ForEachAsync(run.Load.Receipts.Values, new ParallelOptions { MaxDegreeOfParallelism = ReadersInFlight }, async (receipt, ct) =>
        {
            var again = await Retrying.CallAsync((deadline, c) => run.Intake.SubmitContactAsync(receipt.Request, run.Credentials, deadline, c).ResponseAsync, ct);
            if (again.ContactId != receipt.ContactId)
            {
                changed.Enqueue($"request {receipt.Request.RequestId}: {receipt.ContactId}, then {again.ContactId}");
            }
        });
        output.WriteLine($"{run.Load.Acknowledgements} requests retried in {clock.Elapsed.TotalSeconds:0.0} s");

        Assert.True(changed.IsEmpty, $"{changed.Count} retried request(s) got another contact id, e.g. {changed.FirstOrDefault()}");
    }

    [Theory]
    [MemberData(nameof(ProjectionNames))]
    public void Every_acknowledged_contact_is_held_exactly_once_in_the_projection(string projection)
    {
        var held = run.Projected[projection];
        var acknowledged = Acknowledged;
        var missing = acknowledged.Except(held).ToList();
        var strangers = held.Except(acknowledged).ToList();
        var twice = held.Count - held.Distinct().Count();
        output.WriteLine($"{projection}: {held.Count} rows for {acknowledged.Count} acknowledged contacts; missing {missing.Count}, twice {twice}, unacknowledged {strangers.Count}");

        var service = Projections.All.Single(p => p.Name == projection).Database.Replace("db", "", StringComparison.Ordinal);
        Assert.True(missing.Count == 0, $"{projection} lacks {missing.Count} of {acknowledged.Count} acknowledged contact(s), e.g. {missing.FirstOrDefault()}.\n" +
            $"{run.Faults(service)}\n{run.Timeline}\n{run.ConsoleTail("intake")}");
        Assert.True(twice == 0, $"{projection} holds {twice} contact(s) more than once.");
        Assert.True(strangers.Count == 0, $"{projection} holds {strangers.Count} contact(s) never acknowledged, e.g. {strangers.FirstOrDefault()}.");
    }

    [Fact]
    public void Qualitys_scorecard_counts_each_acknowledged_contact_once()
    {
        output.WriteLine($"D1 for {FaultContacts.Agency}: {run.QualityCounted}; acknowledged: {run.Load.Acknowledgements}");
        Assert.True(run.Load.Acknowledgements == run.QualityCounted,
            $"Quality counts {run.QualityCounted} contacts from {FaultContacts.Agency}; {run.Load.Acknowledgements} were acknowledged.\n{run.Faults("quality")}");
    }

    public static TheoryData<string> ProjectionNames() => new(Projections.All.Select(p => p.Name));

    private int Restarts(string resource) =>
        run.Platform.Snapshot(resource).Properties.FirstOrDefault(p => p.Name == RestartSupervisor.RestartsProperty)?.Value is { } count
            ? Convert.ToInt32(count, CultureInfo.InvariantCulture)
            : 0;
}
