using System.Diagnostics;
using Mash.Hosting;
using System.Net;
using System.Net.Sockets;

namespace Mash.Testing.Servers;

/// <summary>Small helpers for starting the real servers as plain processes.</summary>
public static class Processes
{
    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>Runs a command to completion; throws with its output if it fails or outlives <paramref name="timeout"/>.</summary>
    public static async Task<string> RunAsync(string fileName, IEnumerable<string> arguments, IDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', start.ArgumentList)} did not finish in time.\n{await stdout}\n{await stderr}");
        }
        var output = await stdout + await stderr;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', start.ArgumentList)} exited {process.ExitCode}:\n{output}");
        }
        return output;
    }

    /// <summary>Runs a command as the postgres user when we are root (PostgreSQL refuses to run as root).</summary>
    public static Task<string> RunAsPostgresAsync(string fileName, IEnumerable<string> arguments, TimeSpan? timeout = null) =>
        IsRoot
            ? RunAsync("runuser", ["-u", "postgres", "--", fileName, .. arguments], timeout: timeout)
            : RunAsync(fileName, arguments, timeout: timeout);

    /// <summary>A loopback port nothing listens on now, reserved for this process (<see cref="LoopbackPorts"/>).</summary>
    public static int FreePort() => LoopbackPorts.Reserve();

    public static async Task WaitForPortAsync(int port, TimeSpan timeout, Func<string>? describe = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
            catch (SocketException ex)
            {
                throw new TimeoutException($"Nothing listened on 127.0.0.1:{port} in time. {describe?.Invoke()}", ex);
            }
        }
    }

    /// <summary>The path of a server binary, or a failure that says what to install.</summary>
    public static string Require(string description, string installHint, params string[] candidates)
    {
        foreach (var candidate in candidates)
        {
            var found = candidate.Contains('*', StringComparison.Ordinal)
                ? ExpandGlob(candidate).OrderDescending().FirstOrDefault(File.Exists)
                : File.Exists(candidate) ? candidate : null;
            if (found is not null)
            {
                return found;
            }
        }
        throw new InvalidOperationException($"{description} is not installed ({string.Join(", ", candidates)}): {installHint}");
    }

    // Expands one '*' path segment, e.g. /usr/lib/postgresql/*/bin/initdb.
    private static IEnumerable<string> ExpandGlob(string pattern)
    {
        var parts = pattern.Split('/');
        var star = Array.FindIndex(parts, p => p.Contains('*', StringComparison.Ordinal));
        var parent = string.Join('/', parts[..star]);
        if (!Directory.Exists(parent))
        {
            return [];
        }
        var rest = string.Join('/', parts[(star + 1)..]);
        return Directory.EnumerateDirectories(parent, parts[star]).Select(d => rest.Length == 0 ? d : $"{d}/{rest}");
    }
}
