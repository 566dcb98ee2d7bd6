namespace Mash.Hosting;

/// <summary>
/// Aspire's IProjectMetadata, implemented by the generated <c>Projects.*</c> classes
/// (ProjectResources.targets), plus the built assembly we launch with <c>dotnet</c>.
/// </summary>
public interface IProjectMetadata
{
    string ProjectPath { get; }

    string TargetPath { get; }
}
