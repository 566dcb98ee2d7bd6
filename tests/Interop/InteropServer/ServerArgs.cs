using System.Globalization;

namespace Interop.Server;

/// <summary>The interop server's flags: <c>--port=PORT</c> (0 picks a free port) and <c>--use_tls=false</c>.</summary>
internal sealed record ServerArgs(int Port)
{
    private const string Usage = "usage: InteropServer --port=PORT [--use_tls=false]";

    /// <summary>The parsed flags, or null (after printing why) when they are unusable.</summary>
    public static ServerArgs? Parse(string[] args)
    {
        if (InteropFlags.Read(args, ["port"], out var error) is not { } values)
        {
            return Fail(error);
        }
        if (!values.TryGetValue("port", out var portText)
            || !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            return Fail("--port=PORT is required (0 = pick a free port)");
        }
        return new ServerArgs(port);
    }

    private static ServerArgs? Fail(string message)
    {
        InteropFlags.PrintError(message, Usage);
        return null;
    }
}
