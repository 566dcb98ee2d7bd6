using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace Mash.Testing;

/// <summary>How a finished (or timed-out, then killed) child process ended, with everything it printed.</summary>
public sealed record ProcessResult(string CommandLine, int? ExitCode, bool TimedOut, string Stdout, string Stderr)
{
    public bool Succeeded => !TimedOut && ExitCode == 0;

    public string Describe() =>
        $"`{CommandLine}` {(TimedOut ? "timed out and was killed" : $"exited with code {ExitCode}")}\n" +
        $"--- stdout ---\n{Stdout.TrimEnd()}\n--- stderr ---\n{Stderr.TrimEnd()}";
}

/// <summary>
/// A child process with its stdout and stderr captured line by line. Disposing it kills the whole
/// process tree if it is still running; so does the test process exiting.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private static readonly ConcurrentDictionary<ChildProcess, byte> Running = new();

    private readonly Process process;
    private readonly Lock sync = new();
    private readonly StringBuilder stdout = new();
    private readonly StringBuilder stderr = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Found)> lineWaiters = [];
    private readonly TaskCompletionSource stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource stderrClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int disposed;

    static ChildProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var child in Running.Keys)
        {
            child.Dispose();
        }
    };

    private ChildProcess(string fileName, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment)
    {
        CommandLine = string.Join(' ', [fileName, .. arguments]);
        var startInfo = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }
        process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => OnLine(e.Data, stdout, stdoutClosed, matchLines: true);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data, stderr, stderrClosed, matchLines: false);
    }

    public string CommandLine { get; }

    public string Stdout { get { lock (sync) { return stdout.ToString(); } } }
    public string Stderr { get { lock (sync) { return stderr.ToString(); } } }

    public int Id => process.Id;
    public int ExitCode => process.ExitCode;

    public bool HasExited => process.HasExited;

    public static ChildProcess Start(string fileName, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var child = new ChildProcess(fileName, arguments, workingDirectory, environment);
        try
        {
            child.process.Start();
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"Could not start `{child.CommandLine}`: {ex.Message}", ex);
        }
        Running[child] = 0;
        child.process.StandardInput.Close();
        child.process.BeginOutputReadLine();
        child.process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Runs a process to completion, killing its tree if it outlives <paramref name="timeout"/>.</summary>
    public static async Task<ProcessResult> RunAsync(string fileName, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var child = Start(fileName, arguments, workingDirectory, environment);
        var exited = await child.WaitForExitAsync(timeout);
        return new ProcessResult(child.CommandLine, exited ? child.process.ExitCode : null, !exited, child.Stdout, child.Stderr);
    }

    /// <summary>The first stdout line matching <paramref name="match"/>; fails if the process exits or the time runs out first.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (sync)
        {
            var existing = stdout.ToString().Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(match);
            if (existing is not null)
            {
                return existing;
            }
            lineWaiters.Add((match, found));
        }
        var exited = process.WaitForExitAsync();
        var winner = await Task.WhenAny(found.Task, exited, Task.Delay(timeout));
        if (winner == found.Task)
        {
            return await found.Task;
        }
        var why = winner == exited ? $"exited with code {process.ExitCode}" : $"printed no such line within {timeout.TotalSeconds:0} s";
        throw new InvalidOperationException($"`{CommandLine}` {why}.\n--- stdout ---\n{Stdout.TrimEnd()}\n--- stderr ---\n{Stderr.TrimEnd()}");
    }

    /// <summary>Asks the process to stop as Ctrl+C would (SIGINT), so it can shut down what it started.</summary>
    public void Interrupt()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false });
        kill?.WaitForExit();
    }

    /// <summary>True when the process exited (and its output was read to the end) in time; else its tree is killed.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var timer = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(timer.Token);
            await Task.WhenAll(stdoutClosed.Task, stderrClosed.Task).WaitAsync(timer.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            Kill();
            return false;
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }
        Kill();
        Running.TryRemove(this, out _);
        process.Dispose();
    }

    private void Kill()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            // Already gone (or never started): nothing left to kill.
        }
    }

    private void OnLine(string? line, StringBuilder buffer, TaskCompletionSource closed, bool matchLines)
    {
        if (line is null)
        {
            closed.TrySetResult();
            return;
        }
        lock (sync)
        {
            buffer.Append(line).Append('\n');
            if (!matchLines)
            {
                return;
            }
            for (var i = lineWaiters.Count - 1; i >= 0; i--)
            {
                if (lineWaiters[i].Match(line))
                {
                    lineWaiters[i].Found.TrySetResult(line);
                    lineWaiters.RemoveAt(i);
                }
            }
        }
    }
}
