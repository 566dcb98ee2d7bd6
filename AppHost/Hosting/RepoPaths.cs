using System.Reflection;

namespace Mash.Hosting;

/// <summary>
/// Paths an AppHost's build recorded in its assembly (ProjectResources.targets), so nothing
/// depends on the working directory. The AppHost is whichever loaded assembly carries them:
/// the entry assembly when run, the test assembly under test.
/// </summary>
internal static class RepoPaths
{
    /// <summary>The AppHost project's directory, against which AddProject resolves relative paths, as Aspire does.</summary>
    public static string AppHostDirectory => Metadata("Mash.AppHostDirectory").FirstOrDefault() ?? Directory.GetCurrentDirectory();

    /// <summary>The repository root, where <c>.state/</c> lives: the AppHost project's parent.</summary>
    public static string Root => Path.GetFullPath(Path.Combine(AppHostDirectory, ".."));

    /// <summary>Every project the AppHost references, as (project file, built assembly).</summary>
    public static IEnumerable<(string ProjectPath, string TargetPath)> ProjectResources =>
        Metadata("Mash.ProjectResource").Select(v => v.Split('|')).Select(p => (p[0], p[1]));

    private static IEnumerable<string> Metadata(string key) =>
        AppHostAssemblies().SelectMany(a => a.GetCustomAttributes<AssemblyMetadataAttribute>())
            .Where(a => a.Key == key && a.Value is not null)
            .Select(a => a.Value!)
            .Distinct();

    private static IEnumerable<Assembly> AppHostAssemblies() =>
        new[] { Assembly.GetEntryAssembly() }.OfType<Assembly>()
            .Concat(AppDomain.CurrentDomain.GetAssemblies().Where(a => !a.IsDynamic))
            .Distinct();
}
