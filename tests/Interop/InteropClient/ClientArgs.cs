using System.Globalization;

namespace Interop.Client;

/// <summary>The interop client's flags (doc/interop-test-descriptions.md, "Client"); only cleartext HTTP/2 is supported.</summary>
internal sealed record ClientArgs(string ServerHost, int ServerPort, string TestCase)
{
    private const string Usage =
        "usage: InteropClient --server_host=HOST --server_port=PORT --test_case=NAME|all [--use_tls=false]";

    /// <summary>The parsed flags, or null (after printing why) when they are unusable.</summary>
    public static ClientArgs? Parse(string[] args)
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
            if (key is not ("server_host" or "server_port" or "test_case" or "use_tls"))
            {
                return Fail($"unsupported flag --{key}");
            }
        }
        if (!values.TryGetValue("server_port", out var portText)
            || !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is 0 or > 65535)
        {
            return Fail("--server_port=PORT is required");
        }
        if (!values.TryGetValue("test_case", out var testCase))
        {
            return Fail("--test_case=NAME is required");
        }
        if (testCase != "all" && !InteropCases.Names.Contains(testCase))
        {
            return Fail($"unknown test case '{testCase}' (known: {string.Join(", ", InteropCases.Names)}, all)");
        }
        if (values.TryGetValue("use_tls", out var useTls) && !useTls.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return Fail("only --use_tls=false (cleartext HTTP/2) is supported");
        }
        return new ClientArgs(values.GetValueOrDefault("server_host", "127.0.0.1"), port, testCase);
    }

    private static ClientArgs? Fail(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        Console.Error.WriteLine(Usage);
        return null;
    }
}
