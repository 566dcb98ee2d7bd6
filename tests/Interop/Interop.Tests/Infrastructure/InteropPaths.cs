using System.Reflection;
using System.Runtime.InteropServices;

namespace Interop.Tests.Infrastructure;

/// <summary>Where the peers are: the built InteropServer/InteropClient dlls, the node directory, and the executables to run them.</summary>
internal static class InteropPaths
{
    public static string ServerDll => Peer("InteropServer");
    public static string ClientDll => Peer("InteropClient");
    public static string NodeDirectory => Metadata("InteropNodeDirectory");

    /// <summary>The dotnet host running these tests, so the peers run on the same installation.</summary>
    public static string DotnetHost
    {
        get
        {
            var fromCli = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            if (!string.IsNullOrEmpty(fromCli) && File.Exists(fromCli))
            {
                return fromCli;
            }
            // <root>/shared/Microsoft.NETCore.App/<version>/ -> <root>/dotnet
            var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
            var host = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
            return File.Exists(host) ? host : "dotnet";
        }
    }

    public static string Node => "node";
    public static string Npm => OperatingSystem.IsWindows() ? "npm.cmd" : "npm";

    private static string Peer(string name)
    {
        var path = Metadata($"InteropPeer:{name}");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{name} was not built where the test build recorded it.", path);
    }

    private static string Metadata(string key) =>
        typeof(InteropPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"The test assembly carries no '{key}' metadata (see EmbedInteropPeerPaths in Interop.Tests.csproj).");
}
