namespace Mash.Hosting.ApplicationModel;

/// <summary>Something the AppHost runs or provides, by Aspire's name for it.</summary>
public interface IResource
{
    string Name { get; }

    ResourceAnnotationCollection Annotations { get; }
}
