using System.Diagnostics;

namespace Mash.Hosting.Processes;

internal static class ProcessTree
{
    /// <summary>SIGKILL to a process, its process group and every descendant (found before any dies).</summary>
    public static void Kill(int pid)
    {
        var descendants = ProcFs.Descendants(pid);
        Posix.Signal(-pid, Posix.SIGKILL);
        Posix.Signal(pid, Posix.SIGKILL);
        foreach (var child in descendants)
        {
            Posix.Signal(child, Posix.SIGKILL);
        }
    }

    /// <summary>Polls until the process is gone (for processes that are not our children, which we cannot wait on).</summary>
    public static async Task<bool> WaitForExitAsync(int pid, long startTime, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (ProcFs.IsAlive(pid, startTime))
        {
            if (watch.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }
}
