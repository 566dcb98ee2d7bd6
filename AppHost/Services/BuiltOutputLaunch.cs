using System.Reflection;
using System.Runtime.Versioning;

namespace Mash.AppHost.Services;

/// <summary>
/// Starts a service from what the AppHost's build produced (<c>dotnet bin/&lt;Configuration&gt;/&lt;tfm&gt;/X.dll</c>
/// in the project's directory) rather than Aspire's default <c>dotnet run --project X.csproj --no-build</c>,
/// which evaluates the project with MSBuild at every start before the service's own process
/// begins: seconds on a quiet machine, tens of seconds on a busy one, and every restart after a
/// crash paid them. The build is the same either way (the AppHost builds its ProjectReferences;
/// <c>--no-build</c> ran that output too). The resource stays a project resource: the dashboard,
/// the launch profile's environment, endpoints, health, service discovery and the Rebuild command
/// are Aspire's as before, and the orchestrator's process is now the service itself.
/// </summary>
internal static class BuiltOutputLaunch
{
    // Set by Visual Studio or VS Code when they run the AppHost: they then launch projects themselves.
    private const string IdeSessionVariable = "DEBUG_SESSION_PORT";

    public static IResourceBuilder<ProjectResource> WithBuiltOutputLaunch(this IResourceBuilder<ProjectResource> service)
    {
        var builder = service.ApplicationBuilder;
        if (!builder.ExecutionContext.IsRunMode || !string.IsNullOrEmpty(builder.Configuration[IdeSessionVariable])
            || !service.Resource.TryGetLastAnnotation<IProjectMetadata>(out var project)
            || BuiltAssembly(builder.AppHostAssembly, project.ProjectPath) is not { } assembly)
        {
            return service; // Aspire's own launch: under an IDE, or when no build output is where the AppHost's build puts it.
        }
        return service
            .WithAnnotation(new ExecutableAnnotation { Command = "dotnet", WorkingDirectory = Path.GetDirectoryName(project.ProjectPath)! }, ResourceAnnotationMutationBehavior.Replace)
            .WithArgs(assembly);
    }

    /// <summary>
    /// The service's assembly as a build of the AppHost leaves it: the project's default output
    /// (<c>bin/&lt;Configuration&gt;/&lt;tfm&gt;/</c>, shared Directory.Build.props, no custom OutputPath) in
    /// the AppHost's own configuration and target framework, which ProjectReferences build with.
    /// </summary>
    internal static string? BuiltAssembly(Assembly? appHost, string projectPath)
    {
        var configuration = appHost?.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration;
        var framework = appHost?.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName;
        if (string.IsNullOrEmpty(configuration) || framework is null)
        {
            return null;
        }
        var version = new FrameworkName(framework).Version;
        var assembly = Path.Combine(Path.GetDirectoryName(projectPath)!, "bin", configuration, $"net{version.Major}.{version.Minor}",
            Path.GetFileNameWithoutExtension(projectPath) + ".dll");
        // A framework-dependent app needs its runtimeconfig beside it, as `dotnet run` would.
        return File.Exists(assembly) && File.Exists(Path.ChangeExtension(assembly, ".runtimeconfig.json")) ? assembly : null;
    }
}
