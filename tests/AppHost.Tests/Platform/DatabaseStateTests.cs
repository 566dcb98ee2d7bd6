using Mash.AppHost.Tests.Support;

namespace Mash.AppHost.Tests.Platform;

/// <summary>The dashboard's view of PostgreSQL's databases follows the server through a crash.</summary>
public sealed class DatabaseStateTests
{
    private static readonly string[] Databases = ["intakedb", "triagedb", "timelinessdb", "outcomesdb", "qualitydb"];

    [Fact]
    public async Task The_databases_show_Exited_while_PostgreSQL_is_down_and_Running_once_it_is_back()
    {
        var stateDirectory = RunningPlatform.NewStateDirectory();
        try
        {
            await using var platform = await RunningPlatform.StartAsync(stateDirectory, serversOnly: true);
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            var notifications = platform.App.ResourceNotifications;
            var postmaster = platform.ProcessId("postgres");

            ProcessKill.Kill(ProcessKill.TreeOf(postmaster));

            // Seen Exited once the crash is noticed, then Running again once the AppHost has restarted it.
            await Task.WhenAll(Databases.Select(d => notifications.WaitForResourceAsync(d, KnownResourceStates.Exited, timeout.Token)));
            await notifications.WaitForResourceHealthyAsync("postgres", WaitBehavior.WaitOnResourceUnavailable, timeout.Token);
            Assert.NotEqual(postmaster, platform.ProcessId("postgres"));
            await Task.WhenAll(Databases.Select(d => notifications.WaitForResourceAsync(d, KnownResourceStates.Running, timeout.Token)));

            // And stays so: no late stop of the old process turns them back.
            await Task.Delay(TimeSpan.FromSeconds(5), timeout.Token);
            Assert.All(Databases, d => Assert.Equal(KnownResourceStates.Running, platform.Snapshot(d).State?.Text));
        }
        finally
        {
            PlatformFixture.TryDelete(stateDirectory);
        }
    }
}
