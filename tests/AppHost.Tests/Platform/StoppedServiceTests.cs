using Mash.AppHost.Restarts;
using Mash.AppHost.Tests.Support;

namespace Mash.AppHost.Tests.Platform;

[Collection(PlatformCollection.Name)]
public sealed class StoppedServiceTests(PlatformFixture fixture)
{
    [Fact]
    public async Task A_service_stopped_with_the_dashboards_Stop_stays_stopped_until_started_again()
    {
        var platform = fixture.Platform;
        var commands = platform.App.Services.GetRequiredService<ResourceCommandService>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        // A service stopped in the second it became healthy can outlast the orchestrator's stop
        // timeout (its bus is still starting); give it the time a person would.
        await Task.Delay(TimeSpan.FromSeconds(10), timeout.Token);

        var stop = await commands.ExecuteCommandAsync("quality", KnownResourceCommands.StopCommand, timeout.Token);

        Assert.True(stop.Success, stop.Message);
        var stopped = (await platform.App.ResourceNotifications.WaitForResourceAsync("quality", KnownResourceStates.TerminalStates, timeout.Token));
        // Longer than the first restart's back-off: a crash would have been restarted by now.
        await Task.Delay(RestartBackoff.Default.Initial * 5, timeout.Token);
        Assert.Equal(stopped, platform.Snapshot("quality").State?.Text);

        Assert.True((await commands.ExecuteCommandAsync("quality", KnownResourceCommands.StartCommand, timeout.Token)).Success);
        await platform.App.ResourceNotifications.WaitForResourceHealthyAsync("quality", timeout.Token);
    }
}
