namespace Mash.AppHost.Restarts;

/// <summary>
/// One resource's crashes: from the states it passes through, whether it needs a restart and after
/// how long. A resource that stayed up for <see cref="RestartBackoff.ResetAfter"/> starts the
/// back-off again from the beginning.
/// </summary>
public sealed class RestartTracker(RestartBackoff backoff)
{
    private string? _state;
    private DateTimeOffset? _runningSince;
    private int _attempt;

    /// <summary>Restarts so far, shown on the dashboard.</summary>
    public int Restarts { get; private set; }

    /// <summary>
    /// A crash is <see cref="KnownResourceStates.Finished"/> (the process ended by itself, whatever
    /// its exit code) or <see cref="KnownResourceStates.FailedToStart"/>. A process the orchestrator
    /// stopped (the dashboard's Stop, the AppHost's shutdown) ends "Terminated" and is left alone.
    /// </summary>
    public static bool IsCrash(string? state) => state == KnownResourceStates.Finished || state == KnownResourceStates.FailedToStart;

    /// <summary>The delay before a restart when <paramref name="state"/> is a new crash; otherwise null.</summary>
    public TimeSpan? OnState(string? state, DateTimeOffset now)
    {
        if (state == _state)
        {
            return null;
        }
        _state = state;
        if (state == KnownResourceStates.Running)
        {
            _runningSince = now;
            return null;
        }
        if (!IsCrash(state))
        {
            return null;
        }
        var recovered = _runningSince is { } since && now - since >= backoff.ResetAfter;
        _runningSince = null;
        return NextDelay(recovered);
    }

    /// <summary>The delay before trying again after a restart that did not go through.</summary>
    public TimeSpan OnRestartFailed() => NextDelay(recovered: false);

    private TimeSpan NextDelay(bool recovered)
    {
        _attempt = recovered ? 1 : _attempt + 1;
        Restarts++;
        return backoff.DelayFor(_attempt);
    }
}
