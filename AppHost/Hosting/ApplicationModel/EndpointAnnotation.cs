namespace Mash.Hosting.ApplicationModel;

/// <summary>
/// A port the resource listens on, always on 127.0.0.1. The port is chosen free when the
/// application is built, so two stacks can run side by side.
/// </summary>
public sealed class EndpointAnnotation(string name, string uriScheme = "tcp", string? protocols = null) : IResourceAnnotation
{
    public string Name { get; } = name;

    public string UriScheme { get; } = uriScheme;

    /// <summary>Kestrel's <c>Protocols</c> value for project endpoints (Http1, Http2).</summary>
    public string? Protocols { get; } = protocols;

    public int? Port { get; internal set; }

    public int AllocatedPort => Port ?? throw new InvalidOperationException($"Endpoint '{Name}' has no port until the application is built.");

    public string Url => $"{UriScheme}://127.0.0.1:{AllocatedPort}";
}
