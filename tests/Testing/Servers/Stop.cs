using System.Globalization;

namespace Mash.Testing.Servers;

public static class Stop
{
    /// <summary>
    /// SIGTERM to one process by its PID, then SIGKILL if it is still there after <paramref name="grace"/>.
    /// Works for daemons that are not our children (so no WaitForExit): it watches /proc instead.
    /// </summary>
    public static async Task ByPidAsync(int pid, TimeSpan? grace = null)
    {
        var id = pid.ToString(CultureInfo.InvariantCulture);
        if (IsGone(pid))
        {
            return;
        }
        await SignalAsync("-TERM", id);
        var deadline = DateTime.UtcNow + (grace ?? TimeSpan.FromSeconds(15));
        while (!IsGone(pid))
        {
            if (DateTime.UtcNow > deadline)
            {
                await SignalAsync("-KILL", id);
                return;
            }
            await Task.Delay(50);
        }
    }

    private static async Task SignalAsync(string signal, string pid)
    {
        try
        {
            await Processes.RunAsync("kill", [signal, pid]);
        }
        catch (InvalidOperationException)
        {
            // It went between the check and the signal.
        }
    }

    // Gone, or a zombie waiting for a parent that is not us to reap it.
    private static bool IsGone(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state is "Z" or "X";
        }
        catch (IOException)
        {
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
