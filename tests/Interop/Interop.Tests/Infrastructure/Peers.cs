namespace Interop.Tests.Infrastructure;

/// <summary>Runs the interop clients against a server port.</summary>
internal static class Peers
{
    /// <summary>One test case; a client that hangs is killed after this.</summary>
    public static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Every case in one client process.</summary>
    public static readonly TimeSpan AllCasesTimeout = TimeSpan.FromMinutes(5);

    public static async Task<ProcessResult> RunNodeClientAsync(int port, string testCase, TimeSpan timeout)
    {
        await NodeModules.EnsureInstalledAsync(InteropPaths.NodeDirectory, InteropPaths.NodePackages);
        return await ChildProcess.RunAsync(ToolPaths.Node, ["interop_client.js", .. ClientArguments(port, testCase)], InteropPaths.NodeDirectory, timeout);
    }

    /// <summary><c>node reflect_and_call.js</c>: discovers and calls the server's services through reflection alone.</summary>
    public static async Task<ProcessResult> RunNodeReflectAndCallAsync(int port, TimeSpan timeout)
    {
        await NodeModules.EnsureInstalledAsync(InteropPaths.NodeDirectory, InteropPaths.NodePackages);
        return await ChildProcess.RunAsync(
            ToolPaths.Node,
            ["reflect_and_call.js", "--server_host=127.0.0.1", $"--server_port={port}", $"--timeout_ms={(int)(timeout.TotalMilliseconds / 2)}"],
            InteropPaths.NodeDirectory,
            timeout);
    }

    public static Task<ProcessResult> RunMashClientAsync(int port, string testCase, TimeSpan timeout) =>
        ChildProcess.RunAsync(ToolPaths.DotnetHost, [InteropPaths.ClientDll, .. ClientArguments(port, testCase)], Path.GetDirectoryName(InteropPaths.ClientDll)!, timeout);

    private static string[] ClientArguments(int port, string testCase) =>
        ["--server_host=127.0.0.1", $"--server_port={port}", $"--test_case={testCase}", "--use_tls=false"];
}
