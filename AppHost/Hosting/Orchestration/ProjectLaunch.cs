using Mash.Hosting.Processes;

namespace Mash.Hosting.Orchestration;

/// <summary>How a project is launched: <c>dotnet {built dll}</c> from its project directory, with its environment.</summary>
internal static class ProjectLaunch
{
    /// <summary>The spec, or why there is none (the project is not referenced, or not built).</summary>
    public static (ProcessSpec? Spec, string? Problem) For(ProjectResource project, RunContext context)
    {
        var dll = project.Metadata.TargetPath;
        if (dll.Length == 0)
        {
            return (null, $"{project.Metadata.ProjectPath} is not a ProjectReference of the AppHost; add it with ReferenceOutputAssembly=\"false\".");
        }

        if (!File.Exists(dll))
        {
            return (null, $"{dll} is not built: `dotnet run --project AppHost` builds the AppHost's ProjectReferences.");
        }

        var env = ProjectEnvironment.Build(project, context.OtlpEndpoint, context.InstanceIdOf(project)).ToDictionary(kv => kv.Key, kv => (string?)kv.Value);
        foreach (var name in ProjectEnvironment.Removed)
        {
            env.TryAdd(name, null);
        }

        // Aspire runs a project from its project directory: its appsettings*.json are the content root's.
        var projectDir = Path.GetDirectoryName(project.Metadata.ProjectPath);
        return (new ProcessSpec(DotNetHost.FileName, [dll])
        {
            WorkingDirectory = Directory.Exists(projectDir) ? projectDir : Path.GetDirectoryName(dll),
            Environment = env,
        }, null);
    }
}
