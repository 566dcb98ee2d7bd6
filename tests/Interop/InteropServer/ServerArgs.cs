using System.Globalization;

namespace Interop.Server;

/// <summary>The interop server's flags: <c>--port=PORT</c> (0 picks a free port) and <c>--use_tls=false</c>.</summary>
internal sealed record ServerArgs(int Port)
{
    private const string Usage = "usage: InteropServer --port=PORT [--use_tls=false]";

    /// <summary>The parsed flags, or null (after printing why) when they are unusable.</summary>
    public static ServerArgs? Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                return Fail($"unexpected argument '{arg}'");
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
        foreach (var key in values.Keys)
        {
            if (key is not ("port" or "use_tls"))
            {
                return Fail($"unknown flag --{key}");
            }
        }
        if (!values.TryGetValue("port", out var portText)
            || !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            return Fail("--port=PORT is required (0 = pick a free port)");
        }
        if (values.TryGetValue("use_tls", out var useTls) && !useTls.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return Fail("only --use_tls=false (cleartext HTTP/2) is supported");
        }
        return new ServerArgs(port);
    }

    private static ServerArgs? Fail(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        Console.Error.WriteLine(Usage);
        return null;
    }
}
