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
        if (InteropFlags.Read(args, ["server_host", "server_port", "test_case"], out var error) is not { } values)
        {
            return Fail(error);
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
        return new ClientArgs(values.GetValueOrDefault("server_host", "127.0.0.1"), port, testCase);
    }

    private static ClientArgs? Fail(string message)
    {
        InteropFlags.PrintError(message, Usage);
        return null;
    }
}
