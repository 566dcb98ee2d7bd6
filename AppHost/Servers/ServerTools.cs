using System.Diagnostics;

namespace Mash.AppHost.Servers;

/// <summary>Runs a server's own tool (initdb and the like) to completion, failing with its output.</summary>
internal static class ServerTools
{
    public static async Task RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(fileName)} {string.Join(' ', start.ArgumentList)} failed ({process.ExitCode}): {await stdout}{await stderr}");
        }
    }

    /// <summary>
    /// As root, the command line that runs a program as <paramref name="user"/>: setpriv execs it in
    /// place (runuser would stay as its parent and turn a stop into SIGKILL two seconds later).
    /// </summary>
    public static (string FileName, string[] Prefix) AsUser(string user, string program) =>
        DebianServers.IsRoot
            ? ("/usr/bin/setpriv", [$"--reuid={user}", $"--regid={user}", "--init-groups", "--", program])
            : (program, []);
}
