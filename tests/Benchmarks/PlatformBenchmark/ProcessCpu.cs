using System.Globalization;

namespace PlatformBenchmark;

/// <summary>
/// CPU time by process name (/proc/&lt;pid&gt;/stat's comm: postgres, beam.smp, Intake, Triage, ...),
/// every process on the machine, so a phase can say where the cores went: to which server or
/// service, or to others' work on the same machine.
/// </summary>
internal sealed class ProcessCpu
{
    // USER_HZ: the unit of /proc's CPU times on Linux.
    private const double TicksPerSecond = 100;

    private readonly Dictionary<int, (string Name, long Ticks)> processes;
    private readonly DateTime at;

    private ProcessCpu(Dictionary<int, (string Name, long Ticks)> processes, DateTime at)
    {
        this.processes = processes;
        this.at = at;
    }

    public static ProcessCpu Take()
    {
        var processes = new Dictionary<int, (string, long)>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }
            try
            {
                // pid (comm) state ppid ... utime stime cutime cstime: fields 14 to 17, counted after the ')'
                // that ends comm. cutime and cstime are the CPU of children that have exited, so a
                // PostgreSQL backend whose connection closed meanwhile still counts, under postgres.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var open = stat.IndexOf('(', StringComparison.Ordinal);
                var close = stat.LastIndexOf(')');
                var fields = stat[(close + 2)..].Split(' ');
                var ticks = fields[11..15].Sum(f => long.Parse(f, CultureInfo.InvariantCulture));
                processes[pid] = (NameOf(directory, stat[(open + 1)..close]), ticks);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
            {
                // Gone meanwhile, or not ours to read.
            }
        }
        return new ProcessCpu(processes, DateTime.UtcNow);
    }

    /// <summary>
    /// The process's name; for <c>dotnet X.dll</c> (how the AppHost runs the services) the dll's, so
    /// each service counts apart rather than all as "dotnet".
    /// </summary>
    private static string NameOf(string directory, string comm)
    {
        if (comm != "dotnet")
        {
            return comm;
        }
        var dll = File.ReadAllText(Path.Combine(directory, "cmdline")).Split('\0').FirstOrDefault(a => a.EndsWith(".dll", StringComparison.Ordinal));
        return dll is null ? comm : Path.GetFileNameWithoutExtension(dll);
    }

    /// <summary>The busiest process names since <paramref name="earlier"/>, in cores, e.g. "postgres 0.62, Intake 0.35".</summary>
    public string BusiestSince(ProcessCpu earlier, int count = 8)
    {
        var seconds = (at - earlier.at).TotalSeconds;
        return seconds <= 0 ? "" : Listed(SecondsByNameSince(earlier).Select(p => (p.Name, Cores: p.Seconds / seconds)).Where(p => p.Cores >= 0.01).Take(count), "0.00");
    }

    /// <summary>
    /// CPU time an item of work (a contact, a step) since <paramref name="earlier"/>, in all and by the
    /// busiest process names, in milliseconds, e.g. "9.80 ms in all: postgres 2.61, Triage 2.05, …".
    /// </summary>
    public string PerItemSince(ProcessCpu earlier, int items, int count = 8)
    {
        var byName = SecondsByNameSince(earlier).Select(p => (p.Name, Milliseconds: p.Seconds * 1000 / items)).ToList();
        return string.Create(CultureInfo.InvariantCulture, $"{byName.Sum(p => p.Milliseconds):0.00} ms in all: ")
            + Listed(byName.Where(p => p.Milliseconds >= 0.01).Take(count), "0.00");
    }

    private IEnumerable<(string Name, double Seconds)> SecondsByNameSince(ProcessCpu earlier) => processes
        .Select(p => (p.Value.Name, Ticks: p.Value.Ticks - (earlier.processes.TryGetValue(p.Key, out var before) && before.Name == p.Value.Name ? before.Ticks : 0)))
        .GroupBy(p => p.Name, StringComparer.Ordinal)
        .Select(g => (Name: g.Key, Seconds: g.Sum(p => p.Ticks) / TicksPerSecond))
        .OrderByDescending(p => p.Seconds);

    private static string Listed(IEnumerable<(string Name, double Value)> values, string format) =>
        string.Join(", ", values.Select(p => $"{p.Name} {p.Value.ToString(format, CultureInfo.InvariantCulture)}"));
}
