using Mash.AppHost.Tests.Support;

namespace EndToEnd.Tests;

public sealed class WalkingSkeletonTests
{
    [Fact]
    public async Task A_contact_flows_from_intake_to_the_board_stream_and_scorecard_and_nothing_is_left_running()
    {
        await NodeModules.EnsureInstalledAsync(EndToEndPaths.NodeDirectory, "@grpc/grpc-js", "@grpc/proto-loader");
        var platform = await RunningPlatform.StartAsync();
        List<int> processes;
        try
        {
            // Each service's gRPC endpoint as Aspire serves it (through its proxy), on IPv4 loopback.
            var addresses = RunningPlatform.Services.Select(name => $"--{name}=127.0.0.1:{platform.App.GetEndpoint(name, "grpc").Port}");

            var run = await ChildProcess.RunAsync(ToolPaths.Node, ["walking_skeleton.js", .. addresses], EndToEndPaths.NodeDirectory, TimeSpan.FromMinutes(3));

            Assert.True(run.Succeeded, run.Describe());
            Assert.Contains("walking skeleton: PASS", run.Stdout, StringComparison.Ordinal);
            processes = [.. RunningPlatform.Services.SelectMany(name => ProcessTree.Children(platform.ProcessId(name)).Append(platform.ProcessId(name)))];
        }
        finally
        {
            await platform.StopAsync();
            await platform.DisposeAsync();
        }

        var until = DateTime.UtcNow.AddSeconds(60);
        while ((processes.Any(ProcessTree.IsAlive) || ProcessTree.RunningUnder(platform.StateDirectory).Count > 0) && DateTime.UtcNow < until)
        {
            await Task.Delay(250);
        }
        Assert.DoesNotContain(processes, ProcessTree.IsAlive);
        Assert.Empty(ProcessTree.RunningUnder(platform.StateDirectory));
        Directory.Delete(platform.StateDirectory, recursive: true);
    }
}
