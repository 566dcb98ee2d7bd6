using System.Globalization;

namespace Mash.Hosting.Processes;

/// <summary>What /proc says of processes we may not have started ourselves (orphans of a killed AppHost).</summary>
internal static class ProcFs
{
    /// <summary>Clock ticks since boot; with the pid, it tells our process from a later one that got the same pid.</summary>
    public static long? StartTime(int pid) => Stat(pid) is { } f ? long.Parse(f[19], CultureInfo.InvariantCulture) : null;

    /// <summary>Alive and not a zombie waiting to be reaped.</summary>
    public static bool IsAlive(int pid) => Stat(pid) is { } f && f[0] != "Z";

    public static bool IsAlive(int pid, long startTime) => IsAlive(pid) && StartTime(pid) == startTime;

    /// <summary>Every process below <paramref name="pid"/>, read before signalling: once a parent dies its children move to init.</summary>
    public static IReadOnlyList<int> Descendants(int pid)
    {
        var children = Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Select(n => int.TryParse(n, out var p) ? p : 0)
            .Where(p => p > 0)
            .Select(p => (Pid: p, Parent: Stat(p) is { } f ? int.Parse(f[1], CultureInfo.InvariantCulture) : 0))
            .ToLookup(x => x.Parent, x => x.Pid);
        var found = new List<int>();
        var queue = new Queue<int>([pid]);
        while (queue.TryDequeue(out var next))
        {
            foreach (var child in children[next])
            {
                found.Add(child);
                queue.Enqueue(child);
            }
        }

        return found;
    }

    // Fields after "pid (comm)": comm may hold spaces and parentheses, so split after the last ')'.
    // [0] = state, [1] = ppid, [19] = starttime.
    private static string[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
