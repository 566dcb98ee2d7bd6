namespace Mash.Hosting;

public static class ProjectResourceBuilderExtensions
{
    /// <summary>
    /// A project from a generated <c>Projects.*</c> class: give the AppHost a ProjectReference
    /// (ReferenceOutputAssembly="false") and building the AppHost builds the project too.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddProject<TProject>(this IDistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new() =>
        builder.AddProject(name, new TProject());

    /// <summary>A project by its path, relative to the AppHost's directory; it must be one of the AppHost's ProjectReferences.</summary>
    public static IResourceBuilder<ProjectResource> AddProject(this IDistributedApplicationBuilder builder, string name, string projectPath)
    {
        var fullPath = Path.GetFullPath(Path.Combine(RepoPaths.AppHostDirectory, projectPath));
        var target = RepoPaths.ProjectResources.Where(p => p.ProjectPath == fullPath).Select(p => p.TargetPath).FirstOrDefault();
        // An unreferenced project still joins the model; it fails to start with this hint.
        return builder.AddProject(name, new ProjectMetadata(fullPath, target ?? ""));
    }

    public static IResourceBuilder<ProjectResource> AddProject(this IDistributedApplicationBuilder builder, string name, IProjectMetadata metadata)
    {
        var project = new ProjectResource(name, metadata);
        project.Annotations.Add(new EndpointAnnotation("grpc", "http", "Http2"));
        project.Annotations.Add(new EndpointAnnotation("http", "http", "Http1"));
        project.Annotations.Add(new HealthCheckAnnotation("http", "/health"));
        return builder.AddResource(project);
    }

    private sealed record ProjectMetadata(string ProjectPath, string TargetPath) : IProjectMetadata;
}
