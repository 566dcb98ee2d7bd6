using System.Diagnostics;

namespace Mash.Hosting.Processes;

/// <summary>
/// A launched process whose output lines go to a callback. Launched through <c>setsid</c>, so it
/// leads its own session and process group: Ctrl+C in the terminal reaches only the AppHost,
/// which then stops everything in order, and the group can be killed as one.
/// </summary>
internal sealed class ChildProcess
{
    private readonly Process _process;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildProcess(Process process) => _process = process;

    public int Id => _process.Id;

    /// <summary>The exit code (128 + signal when killed); completes on exit, without waiting for output to drain.</summary>
    public Task<int> Exited => _exited.Task;

    public bool HasExited => _exited.Task.IsCompleted;

    public static ChildProcess Start(ProcessSpec spec, Action<string, bool> onLine)
    {
        var info = new ProcessStartInfo
        {
            FileName = Launcher.Setsid ?? spec.FileName,
            WorkingDirectory = spec.WorkingDirectory ?? "",
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in Launcher.Arguments(spec))
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in spec.Environment)
        {
            info.Environment[key] = value;
            if (value is null)
            {
                info.Environment.Remove(key);
            }
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { onLine(e.Data, false); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { onLine(e.Data, true); } };
        process.Exited += (_, _) => child._exited.TrySetResult(process.ExitCode);
        process.Start();
        process.StandardInput.Close(); // nothing we run reads input; EOF keeps any that tries from hanging
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (process.HasExited)
        {
            child._exited.TrySetResult(process.ExitCode);
        }

        return child;
    }

    public void Signal(int signal) => Posix.Signal(Id, signal);

    /// <summary>SIGKILL to the process group and to every descendant that left it.</summary>
    public void KillTree()
    {
        if (HasExited)
        {
            return;
        }

        ProcessTree.Kill(Id);
    }

    /// <summary>Signal, give it <paramref name="grace"/> to exit, then kill the tree.</summary>
    public async Task<int> StopAsync(int signal, TimeSpan grace, CancellationToken force = default)
    {
        if (!HasExited)
        {
            Signal(signal);
            await Exited.WaitAsync(grace, force).ContinueWith(_ => { }, TaskScheduler.Default);
            KillTree();
        }

        return await Exited;
    }
}
