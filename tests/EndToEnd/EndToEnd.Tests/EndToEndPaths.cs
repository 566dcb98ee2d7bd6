using System.Reflection;

namespace EndToEnd.Tests;

/// <summary>The node driver's directory, as the test build recorded it.</summary>
internal static class EndToEndPaths
{
    public static string NodeDirectory => Metadata("NodeDirectory");

    private static string Metadata(string key) =>
        typeof(EndToEndPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"The test assembly carries no '{key}' metadata (see EmbedEndToEndPaths).");
}
