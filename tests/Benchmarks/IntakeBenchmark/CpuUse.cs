using System.Diagnostics;

namespace IntakeBenchmark;

/// <summary>
/// CPU time over a span of the run: this process's (the client and, but for the ceiling's bare lines,
/// the service) and PostgreSQL's (every process named postgres, from /proc; one that ends within the
/// span, such as an autovacuum worker, is not counted). A bulk import's figure a contact says what
/// each side costs on these shared cores, where its rate alone cannot.
/// </summary>
internal sealed record CpuUse(TimeSpan Process, TimeSpan Postgres)
{
    public static CpuUse None { get; } = new(TimeSpan.Zero, TimeSpan.Zero);

    public static CpuUse Start() => new(System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime, PostgresTime());

    public CpuUse Stop() => new(System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - Process, PostgresTime() - Postgres);

    public string PerContact(int contacts) =>
        $"CPU a contact {Process.TotalMicroseconds / contacts:0} us in this process, {Postgres.TotalMicroseconds / contacts:0} us in PostgreSQL";

    // /proc/<pid>/stat: "pid (comm) state ..."; utime and stime are the 14th and 15th fields, in clock ticks (100 a second here).
    private static TimeSpan PostgresTime()
    {
        long ticks = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var (open, close) = (stat.IndexOf('('), stat.LastIndexOf(')'));
                if (open < 0 || close < open || stat[(open + 1)..close] != "postgres")
                {
                    continue;
                }
                var fields = stat[(close + 2)..].Split(' ');
                ticks += long.Parse(fields[11]) + long.Parse(fields[12]);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                // A process that ended while it was read, or not a process.
            }
        }
        return TimeSpan.FromSeconds(ticks / 100.0);
    }
}
