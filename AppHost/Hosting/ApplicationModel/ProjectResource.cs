namespace Mash.Hosting.ApplicationModel;

/// <summary>A .NET project, launched as <c>dotnet {TargetPath}</c> from its project directory.</summary>
public sealed class ProjectResource(string name, IProjectMetadata metadata)
    : Resource(name), IResourceWithEnvironment, IResourceWithServiceDiscovery, IResourceWithWaitSupport
{
    public IProjectMetadata Metadata { get; } = metadata;

    public override string ResourceType => "Project";
}
