using System.Diagnostics;

namespace Mash.AppHost.Tests.Support;

/// <summary>kill -9, as a crash is: no signal handler runs, nothing is flushed or closed cleanly.</summary>
public static class ProcessKill
{
    /// <summary>The process and every process below it, read from /proc before anything is killed.</summary>
    public static IReadOnlyList<int> TreeOf(int pid)
    {
        var tree = new List<int> { pid };
        for (var i = 0; i < tree.Count; i++)
        {
            try
            {
                tree.AddRange(ProcessTree.Children(tree[i]));
            }
            catch (DirectoryNotFoundException)
            {
                // Ended meanwhile: it has no children left to find.
            }
        }
        return tree;
    }

    /// <summary>SIGKILLs each process, one right after another; returns those that were still there to kill.</summary>
    public static IReadOnlyList<int> Kill(IEnumerable<int> pids)
    {
        var killed = new List<int>();
        foreach (var pid in pids)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill(); // SIGKILL on Linux
                killed.Add(pid);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // Gone already (its parent's death took it, or it was never there).
            }
        }
        return killed;
    }
}
