using System.Diagnostics;

namespace EndToEnd.Tests;

public sealed class WalkingSkeletonTests
{
    private static readonly string[] Services = ["intake", "triage", "timeliness", "outcomes", "quality"];

    [Fact]
    public async Task A_contact_flows_from_intake_to_the_board_stream_and_scorecard_and_nothing_is_left_running()
    {
        await NodeModules.EnsureInstalledAsync(EndToEndPaths.NodeDirectory, "@grpc/grpc-js", "@grpc/proto-loader");
        var platform = await RunningPlatform.StartAsync();
        IReadOnlyList<Resource> resources;
        try
        {
            resources = await platform.GetResourcesAsync();
            Assert.All(resources, r => Assert.Equal("Running", r.State));
            var addresses = Services.Select(name => $"--{name}={resources.Single(r => r.Name == name).GrpcAddress}");

            var run = await ChildProcess.RunAsync(ToolPaths.Node, ["walking_skeleton.js", .. addresses], EndToEndPaths.NodeDirectory, TimeSpan.FromMinutes(3));

            Assert.True(run.Succeeded, $"{run.Describe()}\n--- platform ---\n{platform.Output}");
            Assert.Contains("walking skeleton: PASS", run.Stdout, StringComparison.Ordinal);
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }

        var stopped = await platform.StopAsync(TimeSpan.FromMinutes(1));
        await platform.DisposeAsync();

        Assert.True(stopped, "The AppHost did not stop on Ctrl+C.");
        var leftovers = resources.Where(r => r.Pid is { } pid && IsAlive(pid)).Select(r => $"{r.Name} ({r.Pid})").ToList();
        Assert.True(leftovers.Count == 0, $"Still running after the AppHost stopped: {string.Join(", ", leftovers)}");
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
