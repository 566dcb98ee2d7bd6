using System.Text.Json;

namespace Mash.Hosting.Processes;

/// <summary>
/// One file per process the AppHost started, under <c>{state}/pids</c>. If the AppHost dies
/// without stopping them (kill -9), the next start in the same state directory finds them here
/// and stops them: projects first, then infrastructure, then epmd, as a clean stop would.
/// </summary>
internal sealed class PidFiles(string directory)
{
    public const int ProjectOrder = 0, InfrastructureOrder = 1, EpmdOrder = 2;

    public void Record(string name, int pid, int stopSignal, int order)
    {
        Directory.CreateDirectory(directory);
        var record = new PidRecord(pid, ProcFs.StartTime(pid) ?? 0, stopSignal, order);
        File.WriteAllText(PathOf(name), JsonSerializer.Serialize(record));
    }

    public void Remove(string name)
    {
        if (Directory.Exists(directory))
        {
            File.Delete(PathOf(name));
        }
    }

    public async Task CleanUpOrphansAsync(Action<string> log)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        var records = Directory.EnumerateFiles(directory, "*.json")
            .Select(f => (File: f, Record: Read(f)))
            .OrderBy(r => r.Record?.Order ?? 0)
            .GroupBy(r => r.Record?.Order ?? 0);
        foreach (var group in records)
        {
            await Task.WhenAll(group.Select(r => StopOrphanAsync(r.File, r.Record, log)));
        }
    }

    private static async Task StopOrphanAsync(string file, PidRecord? record, Action<string> log)
    {
        if (record is not null && ProcFs.IsAlive(record.Pid, record.StartTime))
        {
            log($"stopping {Path.GetFileNameWithoutExtension(file)} (pid {record.Pid}) left running by an AppHost that did not stop cleanly");
            var descendants = ProcFs.Descendants(record.Pid);
            Posix.Signal(record.Pid, record.StopSignal);
            if (!await ProcessTree.WaitForExitAsync(record.Pid, record.StartTime, TimeSpan.FromSeconds(15)))
            {
                ProcessTree.Kill(record.Pid);
            }

            foreach (var child in descendants.Where(p => ProcFs.IsAlive(p)))
            {
                Posix.Signal(child, Posix.SIGKILL);
            }
        }

        File.Delete(file);
    }

    private static PidRecord? Read(string file)
    {
        try
        {
            return JsonSerializer.Deserialize<PidRecord>(File.ReadAllText(file));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private string PathOf(string name) => Path.Combine(directory, name + ".json");

    private sealed record PidRecord(int Pid, long StartTime, int StopSignal, int Order);
}
