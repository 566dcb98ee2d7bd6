using System.Runtime.InteropServices;

namespace Mash.Testing;

/// <summary>The executables tests run: the same dotnet host as the tests, node and npm from PATH.</summary>
public static class ToolPaths
{
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
}
