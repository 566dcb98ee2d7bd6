using System.Collections.Concurrent;
using System.Globalization;
using Grpc.Core;
using Grpc.Net.Client;
using Mash.AppHost.Tests.Platform;
using Mash.AppHost.Tests.Support;
using Mash.Contracts.Intake.V1;

namespace Mash.AppHost.Tests.Faults;

/// <summary>
/// The platform as the AppHost runs it, under a steady load of SubmitContact, while each service
/// and then RabbitMQ, PostgreSQL and Redis is killed with SIGKILL in turn and brought back by the
/// AppHost's restart supervisor; then the load stops and the run waits until every projection
/// holds every contact Intake stored. The tests look at what is left. One run for them all: it
/// takes minutes.
/// </summary>
public sealed class FaultRun : IAsyncLifetime
{
    /// <summary>
    /// Killed in this order each round: the five services, then the servers they share. A batch
    /// consumer cut off by PostgreSQL's death retries its batch as an outage (ServiceDefaults'
    /// ConsumerRetries) until the server is back, so none goes to _error.
    /// </summary>
    public static readonly string[] Targets = [.. RunningPlatform.Services, "rabbitmq", "postgres", "redis"];

    // Hang guards, never speed assertions: a step that takes longer has failed.
    private static readonly TimeSpan StepGuard = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan SettleGuard = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan StallGuard = TimeSpan.FromMinutes(1);

    private readonly ConcurrentQueue<string> timeline = new();
    private readonly List<Recovery> recoveries = [];
    private readonly DateTimeOffset began = DateTimeOffset.UtcNow;
    private RunningPlatform? platform;
    private GrpcChannel? intakeChannel;
    private SteadySubmitter? load;
    private Probes? probes;
    private Projections? projections;

    public RunningPlatform Platform => platform ?? throw new InvalidOperationException("Not started.");

    internal SteadySubmitter Load => load ?? throw new InvalidOperationException("Not started.");

    public IntakeService.IntakeServiceClient Intake => new(intakeChannel ?? throw new InvalidOperationException("Not started."));

    public Metadata Credentials { get; } = new() { { "authorization", $"Bearer {FaultContacts.Token}" } };

    internal IReadOnlyList<Recovery> Recoveries => recoveries;

    public int Rounds { get; private set; }

    /// <summary>The contact ids Intake lists for the agency once the load has stopped.</summary>
    public IReadOnlySet<string> Stored { get; private set; } = new HashSet<string>();

    /// <summary>Each projection's contact ids, read once every one held every stored contact (or the guard ran out).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Projected { get; private set; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Quality's scorecard, D1 for the agency, read with <see cref="Projected"/>.</summary>
    public long QualityCounted { get; private set; }

    public string Timeline => string.Join('\n', timeline);

    public string ConsoleTail(string resource) => platform?.Consoles.Tail(resource) ?? "";

    public string Faults(string resource) => platform?.Consoles.Faults(resource) ?? "";

    public async Task InitializeAsync()
    {
        platform = await RunningPlatform.StartAsync();
        Note("platform started and healthy");
        probes = new Probes(platform);
        projections = new Projections(platform);
        intakeChannel = GrpcChannel.ForAddress(platform.App.GetEndpoint("intake", "grpc"));
        var rate = SoakSettings.ContactsPerSecond;
        load = new SteadySubmitter(Intake, rate, SoakSettings.InFlight);
        Note($"load: up to {rate} contacts/s, {SoakSettings.InFlight} calls in flight");

        // Kills come between stretches of acknowledged load, so each finds contacts in flight:
        // calls open, transactions committing, events in the outbox and on the queues.
        var stretch = Math.Max(1, rate * 3);
        await Step(ct => Load.WhenAcknowledgedAsync(stretch, ct), "warming up");
        var soakUntil = DateTimeOffset.UtcNow + SoakSettings.Duration;
        do
        {
            Rounds++;
            foreach (var target in Targets)
            {
                await Step(ct => Load.WhenAcknowledgedAsync(Load.Acknowledgements + stretch, ct), $"load before killing {target}");
                var recovery = await CrashAsync(target, Rounds);
                recoveries.Add(recovery);
                Note(recovery.Describe());
            }
        }
        while (DateTimeOffset.UtcNow < soakUntil);
        await Step(ct => Load.WhenAcknowledgedAsync(Load.Acknowledgements + stretch, ct), "load after the last kill");
        await Step(ct => Load.StopAsync(ct), "the last contacts answered");
        Note($"load stopped: {Load.Describe()}");

        Stored = await StepResult(ct => ListStoredAsync(ct), "listing Intake's contacts");
        await SettleAsync();
    }

    /// <summary>
    /// SIGKILL to the resource's processes (a service's own process; a server with every process of
    /// it), then waits for the orchestrator to run it again, for it to serve (for a service, where
    /// its start went: <see cref="Probes.UntilServiceReadyAsync"/>), for every service to serve, and
    /// for the next contact acknowledged after that.
    /// </summary>
    private async Task<Recovery> CrashAsync(string target, int round)
    {
        var before = Platform.ProcessId(target);
        var isService = RunningPlatform.Services.Contains(target);
        IReadOnlyList<int> victims = isService ? [ServiceProcess(target, before)] : ProcessKill.TreeOf(before);
        var killedAt = DateTimeOffset.UtcNow;
        var killed = ProcessKill.Kill(victims);
        if (killed.Count == 0)
        {
            throw new InvalidOperationException($"Nothing of {target} (pid {before}) was left to kill.");
        }

        var restarted = await StepResult(ct => Platform.App.ResourceNotifications.WaitForResourceAsync(target,
            e => e.Snapshot.State?.Text == KnownResourceStates.Running && PidOf(e.Snapshot) is { } pid && pid != before, ct), $"{target} restarted");
        var restartedAt = StartedAt(restarted.Snapshot, killedAt);
        ServiceStart? start = null;
        var servingAt = await StepResult(async ct =>
        {
            var serving = probes!.UntilServingAsync(target, ct);
            if (isService)
            {
                start = await probes.UntilServiceReadyAsync(target, PidOf(restarted.Snapshot)!.Value, ct);
            }
            return await serving;
        }, $"{target} serving again");
        var everyServiceAt = await StepResult(ct => probes!.UntilEveryServiceServingAsync(ct), $"every service serving after {target} came back");
        var nextAcknowledgedAt = await StepResult(ct => Load.NextAcknowledgedAfterAsync(servingAt, ct), $"a contact acknowledged after {target} came back");
        return new Recovery(target, round, killed, killedAt, restartedAt, start, servingAt, everyServiceAt, nextAcknowledgedAt);
    }

    // The orchestrator runs a service from its build output, so its process is the service; under
    // `dotnet run` (Aspire's default launch) the service is its child.
    private static int ServiceProcess(string service, int orchestrated)
    {
        if (!Probes.IsDotnetRun(orchestrated))
        {
            return orchestrated;
        }
        var children = ProcessTree.Children(orchestrated);
        if (children.Count == 1)
        {
            return children[0];
        }
        var named = children.Where(pid => File.ReadAllText($"/proc/{pid}/cmdline").Contains(service, StringComparison.OrdinalIgnoreCase)).ToList();
        return named.Count == 1 ? named[0]
            : throw new InvalidOperationException($"No one process of {service} under `dotnet run` (pid {orchestrated}); children: {string.Join(", ", children)}.");
    }

    // The orchestrator's start time of the new process where it gives one, else when the test heard of it.
    private static DateTimeOffset StartedAt(CustomResourceSnapshot snapshot, DateTimeOffset killedAt)
    {
        if (snapshot.StartTimeStamp is { } start)
        {
            var startedAt = new DateTimeOffset(start.Kind == DateTimeKind.Local ? start.ToUniversalTime() : DateTime.SpecifyKind(start, DateTimeKind.Utc));
            if (startedAt > killedAt)
            {
                return startedAt;
            }
        }
        return DateTimeOffset.UtcNow;
    }

    private static int? PidOf(CustomResourceSnapshot snapshot) =>
        snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } pid ? Convert.ToInt32(pid, CultureInfo.InvariantCulture) : null;

    /// <summary>Every contact of the agency, through ListContacts (every page).</summary>
    private async Task<IReadOnlySet<string>> ListStoredAsync(CancellationToken cancellationToken)
    {
        var stored = new HashSet<string>();
        var token = "";
        do
        {
            var page = await Retrying.CallAsync((deadline, ct) => Intake.ListContactsAsync(new ListContactsRequest { PageSize = 500, PageToken = token }, Credentials, deadline, ct).ResponseAsync, cancellationToken);
            stored.UnionWith(page.Contacts.Select(c => c.ContactId));
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return stored;
    }

    /// <summary>
    /// Until every projection holds every contact Intake stored or acknowledged, or they have
    /// stopped catching up (no projection gained a contact for <see cref="StallGuard"/>: what is
    /// missing then is lost, in an _error queue or nowhere); then reads each once more.
    /// </summary>
    private async Task SettleAsync()
    {
        var expected = Stored.Union(Load.Receipts.Values.Select(r => r.ContactId)).ToHashSet();
        var stoppedAt = DateTimeOffset.UtcNow;
        var lastGain = stoppedAt;
        var held = -1;
        var settled = false;
        while (!settled && DateTimeOffset.UtcNow - lastGain < StallGuard && DateTimeOffset.UtcNow - stoppedAt < SettleGuard)
        {
            settled = true;
            var heldNow = 0;
            foreach (var projection in Projections.All)
            {
                var ids = (await projections!.ContactIdsAsync(projection, CancellationToken.None)).ToHashSet();
                heldNow += ids.Count(expected.Contains);
                settled &= expected.IsSubsetOf(ids);
            }
            if (heldNow > held)
            {
                (held, lastGain) = (heldNow, DateTimeOffset.UtcNow);
            }
            if (!settled)
            {
                await Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None);
            }
        }
        Note(settled
            ? $"every projection held all {expected.Count} contacts {(DateTimeOffset.UtcNow - stoppedAt).TotalSeconds:0.0} s after the load stopped"
            : $"the projections stopped short of all {expected.Count} contacts: none gained one in the {(DateTimeOffset.UtcNow - lastGain).TotalSeconds:0} s before {(DateTimeOffset.UtcNow - stoppedAt).TotalSeconds:0} s after the load stopped");

        var projected = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var projection in Projections.All)
        {
            projected[projection.Name] = await projections!.ContactIdsAsync(projection, CancellationToken.None);
        }
        Projected = projected;
        QualityCounted = await projections!.QualityContactsCountedAsync(CancellationToken.None);
    }

    private async Task Step(Func<CancellationToken, Task> step, string what) =>
        await StepResult(async ct => { await step(ct); return true; }, what);

    /// <summary>Awaits a step of the run; if it hangs, fails with what the load, the run and the consoles saw.</summary>
    private async Task<T> StepResult<T>(Func<CancellationToken, Task<T>> step, string what)
    {
        using var guard = new CancellationTokenSource(StepGuard);
        try
        {
            return await step(guard.Token);
        }
        catch (OperationCanceledException) when (guard.IsCancellationRequested)
        {
            throw new TimeoutException($"{what}: not done within {StepGuard.TotalMinutes:0} min. Load: {load?.Describe()}\n" +
                $"Timeline:\n{Timeline}\n{string.Join('\n', Targets.Select(ConsoleTail))}");
        }
    }

    private void Note(string line) =>
        timeline.Enqueue(string.Create(CultureInfo.InvariantCulture, $"{(DateTimeOffset.UtcNow - began).TotalSeconds,7:0.0} s  {line}"));

    public async Task DisposeAsync()
    {
        if (load is not null)
        {
            await load.DisposeAsync();
        }
        projections?.Dispose();
        intakeChannel?.Dispose();
        if (platform is not null)
        {
            await platform.DisposeAsync();
            PlatformFixture.TryDelete(platform.StateDirectory);
        }
    }
}
