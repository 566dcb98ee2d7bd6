namespace Mash.Hosting.ApplicationModel;

using static KnownResourceStates;

/// <summary>Which state may follow which; anything else is a bug in a runner, so it throws.</summary>
public static class ResourceStateTransitions
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        [NotStarted] = [Waiting, Starting, FailedToStart, RuntimeUnhealthy],
        // Back to NotStarted when the application stops before the dependency came up.
        [Waiting] = [Starting, FailedToStart, NotStarted],
        [Starting] = [Running, FailedToStart, Stopping, Exited],
        [Running] = [Stopping, Exited, Finished],
        [Stopping] = [Exited, Finished],
        // A crashed project is restarted from Exited after its back-off.
        [Exited] = [Starting],
        [Finished] = [],
        [FailedToStart] = [],
        [RuntimeUnhealthy] = [],
    };

    public static bool IsAllowed(string from, string to) =>
        from == to || (Allowed.TryGetValue(from, out var next) && next.Contains(to));

    /// <summary>States a resource never leaves by itself: waiting on it is pointless.</summary>
    public static bool IsTerminal(string state) => state is FailedToStart or RuntimeUnhealthy or Finished;
}
