namespace Mash.Hosting.Processes;

/// <summary>The argument list that puts a process in its own session and, when asked, under another user.</summary>
internal static class Launcher
{
    /// <summary>util-linux's setsid execs in place (our children are not group leaders), so the pid we see is the program's.</summary>
    public static string? Setsid { get; } = Find("setsid");

    /// <summary>setpriv, unlike su and runuser, execs without staying behind as a parent, so pids stay the program's.</summary>
    public static string? Setpriv { get; } = Find("setpriv");

    public static bool IsRoot => Environment.IsPrivilegedProcess;

    public static IEnumerable<string> Arguments(ProcessSpec spec)
    {
        var args = new List<string>();
        if (Setsid is not null)
        {
            args.Add(spec.RunAsUser is null || !IsRoot ? spec.FileName : Setpriv ?? "setpriv");
        }
        else if (spec.RunAsUser is not null && IsRoot)
        {
            throw new InvalidOperationException("setsid is missing: install util-linux.");
        }

        if (spec.RunAsUser is not null && IsRoot)
        {
            args.AddRange([$"--reuid={spec.RunAsUser}", $"--regid={spec.RunAsUser}", "--init-groups", spec.FileName]);
        }

        args.AddRange(spec.Arguments);
        return args;
    }

    public static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':').Append("/usr/sbin").Append("/sbin")
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}
