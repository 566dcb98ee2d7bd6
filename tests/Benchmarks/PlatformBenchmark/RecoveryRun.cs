using IntakeBenchmark;

namespace PlatformBenchmark;

/// <summary>What the recovery part measured: the overload, and each server's outage.</summary>
internal sealed record RecoveryOutcome(OverloadOutcome? Overload, IReadOnlyList<OutageOutcome> Outages);

/// <summary>
/// The recovery part: with the probe running throughout, the overload and then each outage, each
/// timed from the moment its disturbance ended until the platform is back to normal (see
/// <see cref="NormalService"/>). Issue 12: back to normal by itself within seconds, measured.
/// </summary>
internal static class RecoveryRun
{
    public static async Task<RecoveryOutcome> RunAsync(PlatformUnderTest platform, Projections projections, Acknowledgements acknowledgements, ContactSource contacts, IntakeClients clients, Settings settings, CancellationToken cancellationToken)
    {
        var recovery = settings.Recovery;
        var intake = platform.IntakeAddress();
        await using var queues = await QueueDepths.OpenAsync(platform.App, cancellationToken);
        Console.WriteLine($"Recovery: queues watched: {string.Join(", ", queues.Queues)}.");
        using var health = new ResourceHealth(platform.App);
        // The probe has a connection of its own, so the overload's calls do not queue it behind theirs.
        using var probeClient = new IntakeClients(intake, 1);
        await using var probe = new IntakeProbe(probeClient, contacts, acknowledgements);
        probe.Start();
        var normal = new NormalService(probe, health, queues, projections, acknowledgements);

        var overload = await new OverloadRecovery(normal, recovery, intake, settings.Connections, contacts, settings.ImportRpc, settings.ImportBatch)
            .RunAsync(acknowledgements.Count, cancellationToken);
        var outages = new List<OutageOutcome>();
        foreach (var server in recovery.Outages)
        {
            outages.Add(await new OutageRecovery(platform.App, normal, recovery, clients, contacts, settings.Concurrency).RunAsync(server, cancellationToken));
        }
        return new RecoveryOutcome(overload, outages);
    }
}
