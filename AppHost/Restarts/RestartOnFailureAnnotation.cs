namespace Mash.AppHost.Restarts;

/// <summary>Marks a resource the <see cref="RestartSupervisor"/> restarts when it exits on its own.</summary>
public sealed record RestartOnFailureAnnotation(RestartBackoff Backoff) : IResourceAnnotation;
