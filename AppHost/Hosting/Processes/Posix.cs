using System.Runtime.InteropServices;

namespace Mash.Hosting.Processes;

/// <summary>Signals other than SIGKILL, which is all <see cref="System.Diagnostics.Process"/> can send.</summary>
internal static class Posix
{
    public const int SIGINT = 2, SIGKILL = 9, SIGTERM = 15;

    /// <summary>A negative pid signals the whole process group (every child we launch leads its own).</summary>
    public static bool Signal(int pid, int signal) => kill(pid, signal) == 0;

    [DllImport("libc", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int kill(int pid, int sig);
}
