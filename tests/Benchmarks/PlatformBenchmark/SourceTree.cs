using System.Diagnostics;

namespace PlatformBenchmark;

/// <summary>
/// Which code was measured: the commit, and how many tracked files differed from it when the run
/// began (others' work in progress in a shared tree is built and measured too).
/// </summary>
internal static class SourceTree
{
    public static string Describe()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "MashPlatform.sln")))
        {
            root = root.Parent;
        }
        if (root is null)
        {
            return "commit unknown (no MashPlatform.sln above the benchmark)";
        }
        var commit = Git(root.FullName, "log", "-1", "--format=%h %cI")?.Trim();
        var changed = Git(root.FullName, "status", "--porcelain", "--untracked-files=no")?.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        return commit is null ? "commit unknown (git failed)" : $"commit {commit}, {changed} tracked file(s) changed in the tree";
    }

    private static string? Git(string directory, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in (string[])["-C", directory, .. arguments])
            {
                start.ArgumentList.Add(argument);
            }
            using var git = Process.Start(start);
            if (git is null)
            {
                return null;
            }
            var output = git.StandardOutput.ReadToEnd();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
