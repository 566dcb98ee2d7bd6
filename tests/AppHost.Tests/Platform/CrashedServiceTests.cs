using System.Diagnostics;
using Mash.AppHost.Restarts;
using Mash.AppHost.Tests.Support;

namespace Mash.AppHost.Tests.Platform;

[Collection(PlatformCollection.Name)]
public sealed class CrashedServiceTests(PlatformFixture fixture)
{
    [Fact]
    public async Task A_service_killed_with_SIGKILL_is_restarted_and_becomes_healthy_again_and_the_dashboard_counts_it()
    {
        var platform = fixture.Platform;
        // The orchestrator runs a service from its build output: its process is the service.
        var service = platform.ProcessId("timeliness");

        using (var process = Process.GetProcessById(service))
        {
            process.Kill();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await platform.App.ResourceNotifications.WaitForResourceAsync("timeliness",
            e => e.Snapshot.Properties.Any(p => p.Name == RestartSupervisor.RestartsProperty && Convert.ToInt32(p.Value, System.Globalization.CultureInfo.InvariantCulture) >= 1),
            timeout.Token);
        await platform.App.ResourceNotifications.WaitForResourceHealthyAsync("timeliness", timeout.Token);

        Assert.NotEqual(service, platform.ProcessId("timeliness"));
        Assert.Equal(GrpcHealth.Serving, await GrpcHealth.CheckAsync(platform.App.GetEndpoint("timeliness", "grpc")));
    }
}
