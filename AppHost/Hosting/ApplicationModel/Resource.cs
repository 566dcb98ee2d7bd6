namespace Mash.Hosting.ApplicationModel;

/// <summary>Base of every resource: a validated name and its annotations.</summary>
public abstract class Resource(string name) : IResource
{
    public string Name { get; } = ResourceNames.Validate(name);

    public ResourceAnnotationCollection Annotations { get; } = [];

    /// <summary>What the ops page and <c>/api/resources</c> show as the resource's type.</summary>
    public abstract string ResourceType { get; }

    public override string ToString() => Name;
}
