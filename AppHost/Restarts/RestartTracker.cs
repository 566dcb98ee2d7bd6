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
    private bool _stopRequested;

    /// <summary>Restarts so far, shown on the dashboard.</summary>
    public int Restarts { get; private set; }

    /// <summary>
    /// A crash is <see cref="KnownResourceStates.Finished"/> (the process ended, whatever its exit
    /// code) or <see cref="KnownResourceStates.FailedToStart"/>, unless a stop was requested. A
    /// process the orchestrator kills ends "Terminated" and is left alone.
    /// </summary>
    public static bool IsCrash(string? state) => state == KnownResourceStates.Finished || state == KnownResourceStates.FailedToStart;

    /// <summary>
    /// Someone ran the Stop or Restart command: the exit that follows is not a crash (the
    /// orchestrator reports it as <see cref="KnownResourceStates.Finished"/> too). Cleared once the
    /// resource runs again, or when the command fails.
    /// </summary>
    public bool StopRequested
    {
        get => _stopRequested;
        set => _stopRequested = value;
    }

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
            _stopRequested = false;
            return null;
        }
        if (!IsCrash(state) || _stopRequested)
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
