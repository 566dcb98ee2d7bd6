using System.Globalization;

namespace PlatformBenchmark;

/// <summary>
/// The whole machine's load, from /proc: everyone's work on the same cores moves these figures, so
/// each phase prints how busy the machine was while it ran.
/// </summary>
internal static class MachineLoad
{
    /// <summary>The 1-, 5- and 15-minute load averages, as /proc/loadavg gives them.</summary>
    public static string Average()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    /// <summary>The CPU time every core has spent, busy and idle, since boot (the first line of /proc/stat).</summary>
    public static CpuTimes Cpu()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Skip(1).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            // user nice system idle iowait irq softirq steal (guest time is already in user)
            var idle = fields[3] + fields[4];
            var total = fields.Take(8).Sum();
            return new CpuTimes(total, idle);
        }
        catch (Exception e) when (e is IOException or FormatException or IndexOutOfRangeException)
        {
            return new CpuTimes(0, 0);
        }
    }
}

internal readonly record struct CpuTimes(long Total, long Idle)
{
    /// <summary>The share of all cores' time that was busy since <paramref name="earlier"/> (0 to 1).</summary>
    public double BusySince(CpuTimes earlier)
    {
        var total = Total - earlier.Total;
        return total <= 0 ? 0 : 1 - ((double)(Idle - earlier.Idle) / total);
    }
}
