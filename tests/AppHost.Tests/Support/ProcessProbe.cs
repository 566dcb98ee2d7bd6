using Mash.Hosting.Processes;

namespace AppHost.Tests.Support;

/// <summary>Which processes a test started, and whether any is still there.</summary>
internal static class ProcessProbe
{
    /// <summary>Each pid with everything below it (postgres backends, beam.smp under the RabbitMQ script...).</summary>
    public static HashSet<int> Trees(IEnumerable<int> pids) => [.. pids.SelectMany(p => ProcFs.Descendants(p).Prepend(p))];

    public static async Task AssertAllGoneAsync(IEnumerable<int> pids, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        List<int> alive;
        while ((alive = [.. pids.Where(ProcFsIsAlive)]).Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.True(alive.Count == 0, $"still running: {string.Join(", ", alive.Select(Describe))}");
    }

    public static bool ProcFsIsAlive(int pid) => ProcFs.IsAlive(pid);

    private static string Describe(int pid)
    {
        try
        {
            return $"{pid} ({File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim()})";
        }
        catch (IOException)
        {
            return $"{pid}";
        }
    }
}
