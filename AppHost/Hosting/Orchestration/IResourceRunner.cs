namespace Mash.Hosting.Orchestration;

/// <summary>Starts and stops one resource, publishing its states as it goes.</summary>
internal interface IResourceRunner
{
    /// <summary>Returns once the resource is up, or has failed (its state says which).</summary>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Stops gracefully; <paramref name="force"/> cuts the grace periods short (a second Ctrl+C).</summary>
    Task StopAsync(CancellationToken force);
}
