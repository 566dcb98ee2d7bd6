using System.Collections.ObjectModel;

namespace Mash.Hosting.ApplicationModel;

/// <summary>Marker for what the builder methods attach to a resource (endpoints, waits, environment).</summary>
public interface IResourceAnnotation;

public sealed class ResourceAnnotationCollection : Collection<IResourceAnnotation>;
