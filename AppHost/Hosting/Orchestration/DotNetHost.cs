using System.Runtime.InteropServices;

namespace Mash.Hosting.Orchestration;

/// <summary>The <c>dotnet</c> muxer that runs this AppHost, to launch projects with the same runtime.</summary>
internal static class DotNetHost
{
    public static string FileName { get; } = Resolve();

    private static string Resolve()
    {
        // `dotnet AppHost.dll` runs under the muxer; `dotnet run` starts the native apphost instead.
        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            return self;
        }

        // The runtime lives in {dotnet root}/shared/Microsoft.NETCore.App/{version}/.
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var muxer = Path.Combine(root, "dotnet");
        return File.Exists(muxer) ? muxer : "dotnet";
    }
}
