using System.Globalization;
using System.Text.RegularExpressions;

namespace Interop.Tests.Infrastructure;

/// <summary>
/// An interop server child process started on port 0; ready once it printed <c>listening on PORT</c>.
/// One per test class (a class fixture); killed with its whole tree on dispose.
/// </summary>
public abstract partial class PeerServer : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private ChildProcess? process;

    public int Port { get; private set; }

    /// <summary>What the server printed so far: server-side errors explain many client failures.</summary>
    public string Output => process is null ? "" : $"--- server stdout ---\n{process.Stdout.TrimEnd()}\n--- server stderr ---\n{process.Stderr.TrimEnd()}";

    public async Task InitializeAsync()
    {
        if (NeedsNodeModules)
        {
            await NodeModules.EnsureInstalledAsync(InteropPaths.NodeDirectory, InteropPaths.NodePackages);
        }
        var (fileName, arguments, workingDirectory) = Command();
        process = ChildProcess.Start(fileName, arguments, workingDirectory);
        var line = await process.WaitForLineAsync(l => ListeningLine().IsMatch(l), StartTimeout);
        Port = int.Parse(ListeningLine().Match(line).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        process?.Dispose();
        GC.SuppressFinalize(this);
    }

    protected virtual bool NeedsNodeModules => false;

    protected abstract (string FileName, IReadOnlyList<string> Arguments, string WorkingDirectory) Command();

    [GeneratedRegex(@"^listening on (\d+)$")]
    private static partial Regex ListeningLine();
}

/// <summary>Our InteropServer (MashGrpc on Kestrel): <c>dotnet InteropServer.dll --port=0</c>.</summary>
public sealed class MashServer : PeerServer
{
    protected override (string, IReadOnlyList<string>, string) Command() =>
        (ToolPaths.DotnetHost, [InteropPaths.ServerDll, "--port=0", "--use_tls=false"], Path.GetDirectoryName(InteropPaths.ServerDll)!);
}

/// <summary>The grpc-js interop server: <c>node interop_server.js --port=0</c>.</summary>
public sealed class NodeServer : PeerServer
{
    protected override bool NeedsNodeModules => true;

    protected override (string, IReadOnlyList<string>, string) Command() =>
        (ToolPaths.Node, ["interop_server.js", "--port=0"], InteropPaths.NodeDirectory);
}
