using System.Reflection;

namespace Interop.Tests.Infrastructure;

/// <summary>Where the peers are: the built InteropServer/InteropClient dlls, the node directory, and the executables to run them.</summary>
internal static class InteropPaths
{
    public static string ServerDll => Peer("InteropServer");
    public static string ClientDll => Peer("InteropClient");
    public static string NodeDirectory => Metadata("InteropNodeDirectory");

    /// <summary>Every package the node peers need, so an older install without one counts as missing.</summary>
    public static readonly string[] NodePackages = ["@grpc/grpc-js", "@grpc/proto-loader", "grpc-reflection-js"];

    private static string Peer(string name)
    {
        var path = Metadata($"InteropPeer:{name}");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{name} was not built where the test build recorded it.", path);
    }

    private static string Metadata(string key) =>
        typeof(InteropPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"The test assembly carries no '{key}' metadata (see EmbedInteropPeerPaths in Interop.Tests.csproj).");
}
