using System.Diagnostics;
using System.Text.RegularExpressions;

namespace AppHost.Tests.Support;

/// <summary>The test AppHost (TestAppHost/Program.cs) as a process of its own, its output collected.</summary>
internal sealed partial class AppHostProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public AppHostProcess(TestStack stack)
    {
        var info = new ProcessStartInfo(Mash.Hosting.Orchestration.DotNetHost.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in (string[])[new Projects.TestAppHost().TargetPath, "--stack", stack.Name, "--state-dir", stack.StateDirectory, "--dashboard-port", "0", "--otlp-port", "0"])
        {
            info.ArgumentList.Add(arg);
        }

        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public Uri? DashboardUrl { get; private set; }

    public string Output
    {
        get
        {
            lock (_lines)
            {
                return string.Join('\n', _lines.TakeLast(80));
            }
        }
    }

    public bool Printed(string text)
    {
        lock (_lines)
        {
            return _lines.Any(l => l.Contains(text, StringComparison.Ordinal));
        }
    }

    public async Task WaitForStartedAsync(TimeSpan timeout)
    {
        try
        {
            await _started.Task.WaitAsync(timeout);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"The AppHost did not start:\n{Output}", e);
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        return _process.ExitCode;
    }

    /// <summary>kill -9 of the AppHost alone: what it started is left running.</summary>
    public void KillHard() => _process.Kill(entireProcessTree: false);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Add(line);
        }

        if (DashboardLine().Match(line) is { Success: true } m)
        {
            DashboardUrl = new Uri(m.Groups[1].Value);
        }

        if (line.Contains("Distributed application started.", StringComparison.Ordinal))
        {
            _started.TrySetResult();
        }
    }

    [GeneratedRegex(@"Now listening on: (http://\S+) \(ops dashboard\)")]
    private static partial Regex DashboardLine();
}
