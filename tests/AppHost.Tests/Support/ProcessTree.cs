
namespace Mash.AppHost.Tests.Support;

/// <summary>What /proc says about processes: children, and what is still running out of a directory.</summary>
public static class ProcessTree
{
    public static IReadOnlyList<int> Children(int pid) =>
        Directory.EnumerateDirectories($"/proc/{pid}/task")
            .SelectMany(task => ReadOrEmpty(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(int.Parse)
            .ToList();

    public static bool IsAlive(int pid) => Directory.Exists($"/proc/{pid}") && !ReadOrEmpty($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);

    /// <summary>Live processes whose working directory or command line is under <paramref name="directory"/>.</summary>
    public static IReadOnlyList<string> RunningUnder(string directory) =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => int.TryParse(name, out _))
            .Select(int.Parse!)
            .Where(pid => pid != Environment.ProcessId && IsAlive(pid))
            .Select(pid => (Pid: pid, Cwd: CwdOf(pid), CommandLine: ReadOrEmpty($"/proc/{pid}/cmdline").Replace('\0', ' ')))
            .Where(p => p.Cwd.StartsWith(directory, StringComparison.Ordinal) || p.CommandLine.Contains(directory, StringComparison.Ordinal))
            .Select(p => $"{p.Pid}: {p.CommandLine}")
            .ToList();

    private static string CwdOf(int pid)
    {
        try
        {
            return new DirectoryInfo($"/proc/{pid}/cwd").LinkTarget ?? "";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static string ReadOrEmpty(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
