namespace Mash.Hosting.ApplicationModel;

/// <summary>Aspire's resource states, spelled as Aspire spells them.</summary>
public static class KnownResourceStates
{
    public const string NotStarted = nameof(NotStarted);
    public const string Waiting = nameof(Waiting);
    public const string Starting = nameof(Starting);
    public const string Running = nameof(Running);
    /// <summary>Aspire: the container runtime is unusable. Here: the Debian binaries are missing.</summary>
    public const string RuntimeUnhealthy = nameof(RuntimeUnhealthy);
    public const string FailedToStart = nameof(FailedToStart);
    public const string Stopping = nameof(Stopping);
    /// <summary>The process ended: stopped, or ended by itself and waiting here for its restart.</summary>
    public const string Exited = nameof(Exited);
    /// <summary>Aspire's state for a run-to-completion executable. Unused here: a service that ends by itself is restarted.</summary>
    public const string Finished = nameof(Finished);

    public static IReadOnlyList<string> All { get; } =
        [NotStarted, Waiting, Starting, Running, RuntimeUnhealthy, FailedToStart, Stopping, Exited, Finished];
}
