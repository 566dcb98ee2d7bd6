using Mash.AppHost.Tests.Support;
using Mash.ServiceDefaults;
using Mash.Testing.Identity;

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

            // Staff as the council's identity provider would name them (the platform trusts the tests' key):
            // a practitioner, sw-1, works the queue and records outcomes; a board member watches.
            var staff = new Dictionary<string, string>
            {
                ["MASH_PRACTITIONER_TOKEN"] = TestTokens.For("sw-1", MashRoles.Practitioner),
                ["MASH_BOARD_TOKEN"] = TestTokens.For("board-1", MashRoles.BoardMember),
            };

            var run = await ChildProcess.RunAsync(ToolPaths.Node, ["walking_skeleton.js", .. addresses], EndToEndPaths.NodeDirectory, TimeSpan.FromMinutes(3), staff);

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
