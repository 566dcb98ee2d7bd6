namespace Interop;

/// <summary>
/// The interop programs' flags, as grpc's interop runners pass them: <c>--name=value</c>,
/// <c>--name value</c> or a bare <c>--name</c> (true). Compiled into InteropClient and InteropServer.
/// </summary>
internal static class InteropFlags
{
    /// <summary>
    /// The flags by name; or null, with why in <paramref name="error"/>, for a stray argument, a flag
    /// not in <paramref name="known"/> (<c>use_tls</c> is always known), or TLS asked for: only
    /// <c>--use_tls=false</c> (cleartext HTTP/2) is supported.
    /// </summary>
    public static Dictionary<string, string>? Read(string[] args, string[] known, out string error)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                error = $"unexpected argument '{arg}'";
                return null;
            }
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0)
            {
                values[arg[2..eq]] = arg[(eq + 1)..];
            }
            else
            {
                values[arg[2..]] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
            }
        }
        if (values.Keys.FirstOrDefault(key => key != "use_tls" && !known.Contains(key)) is { } unknown)
        {
            error = $"unsupported flag --{unknown}";
            return null;
        }
        if (values.TryGetValue("use_tls", out var useTls) && !useTls.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            error = "only --use_tls=false (cleartext HTTP/2) is supported";
            return null;
        }
        error = "";
        return values;
    }

    /// <summary>Says why the flags are unusable, then how to use the program.</summary>
    public static void PrintError(string message, string usage)
    {
        Console.Error.WriteLine($"error: {message}");
        Console.Error.WriteLine(usage);
    }
}
