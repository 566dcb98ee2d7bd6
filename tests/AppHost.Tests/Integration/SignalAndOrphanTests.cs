using AppHost.Tests.Support;
using Mash.Hosting.Processes;

namespace AppHost.Tests.Integration;

/// <summary>
/// The AppHost as a process: after kill -9 it leaves its children running, the next start in the
/// same state directory stops them, and Ctrl+C (SIGINT) stops everything, leaving nothing behind.
/// </summary>
public sealed class SignalAndOrphanTests : IDisposable
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(4);
    private readonly TestStack _stack = new("signals");

    [Fact]
    public async Task Orphans_of_a_killed_AppHost_are_cleaned_up_and_Ctrl_C_stops_everything()
    {
        HashSet<int> orphans;
        int orphanPostgres;
        using (var first = new AppHostProcess(_stack))
        {
            await first.WaitForStartedAsync(HangGuard);
            orphanPostgres = await PidOfAsync(first, "postgres");
            orphans = await ProcessTreesAsync(first);
            first.KillHard();
            await first.WaitForExitAsync(HangGuard);
        }

        Assert.True(ProcFs.IsAlive(orphanPostgres), "kill -9 of the AppHost should leave PostgreSQL running");

        using var second = new AppHostProcess(_stack);
        await second.WaitForStartedAsync(HangGuard);
        await ProcessProbe.AssertAllGoneAsync(orphans, TimeSpan.Zero);
        Assert.True(second.Printed($"stopping postgres (pid {orphanPostgres}) left running"), second.Output);
        var started = await ProcessTreesAsync(second);

        Posix.Signal(second.Id, Posix.SIGINT);
        Assert.Equal(0, await second.WaitForExitAsync(HangGuard));

        Assert.True(second.Printed("[apphost] Stopped."), second.Output);
        await ProcessProbe.AssertAllGoneAsync(started);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_stack.StateDirectory, "pids")));
    }

    private static async Task<int> PidOfAsync(AppHostProcess apphost, string resource) =>
        (await Http.GetResourcesAsync(apphost.DashboardUrl!)).Resource(resource).GetProperty("pid").GetInt32();

    /// <summary>Every resource's process and all below it, plus the epmd the AppHost started.</summary>
    private static async Task<HashSet<int>> ProcessTreesAsync(AppHostProcess apphost)
    {
        var resources = await Http.GetResourcesAsync(apphost.DashboardUrl!);
        var pids = resources.Select(r => r.GetProperty("pid")).Where(p => p.ValueKind == System.Text.Json.JsonValueKind.Number).Select(p => p.GetInt32());
        var trees = ProcessProbe.Trees(pids.Concat(ProcFs.Descendants(apphost.Id)));
        Assert.Contains(trees, p => File.ReadAllText($"/proc/{p}/comm").Trim() == "epmd");
        Assert.Contains(trees, p => File.ReadAllText($"/proc/{p}/comm").Trim() == "beam.smp");
        return trees;
    }

    public void Dispose() => _stack.Dispose();
}
