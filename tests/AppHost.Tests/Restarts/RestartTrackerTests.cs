using Mash.AppHost.Restarts;

namespace Mash.AppHost.Tests.Restarts;

public sealed class RestartTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_process_that_ends_by_itself_is_restarted_with_growing_delays()
    {
        var tracker = new RestartTracker(RestartBackoff.Default);

        Assert.Null(tracker.OnState(KnownResourceStates.Running, T0));
        Assert.Equal(TimeSpan.FromSeconds(1), tracker.OnState(KnownResourceStates.Finished, T0.AddSeconds(5)));
        Assert.Null(tracker.OnState(KnownResourceStates.Starting, T0.AddSeconds(6)));
        Assert.Null(tracker.OnState(KnownResourceStates.Running, T0.AddSeconds(7)));
        Assert.Equal(TimeSpan.FromSeconds(2), tracker.OnState(KnownResourceStates.Finished, T0.AddSeconds(8)));
        Assert.Equal(TimeSpan.FromSeconds(4), tracker.OnState(KnownResourceStates.FailedToStart, T0.AddSeconds(11)));
        Assert.Equal(3, tracker.Restarts);
    }

    [Fact]
    public void A_process_the_orchestrator_stopped_is_left_alone()
    {
        var tracker = new RestartTracker(RestartBackoff.Default);
        tracker.OnState(KnownResourceStates.Running, T0);

        Assert.Null(tracker.OnState(KnownResourceStates.Stopping, T0.AddSeconds(1)));
        Assert.Null(tracker.OnState("Terminated", T0.AddSeconds(2)));
        Assert.Equal(0, tracker.Restarts);
    }

    [Fact]
    public void The_same_crash_reported_again_is_one_crash()
    {
        var tracker = new RestartTracker(RestartBackoff.Default);
        tracker.OnState(KnownResourceStates.Running, T0);

        Assert.NotNull(tracker.OnState(KnownResourceStates.Finished, T0.AddSeconds(1)));
        Assert.Null(tracker.OnState(KnownResourceStates.Finished, T0.AddSeconds(2)));
        Assert.Equal(1, tracker.Restarts);
    }

    [Fact]
    public void A_process_that_stayed_up_long_enough_starts_the_back_off_again()
    {
        var tracker = new RestartTracker(RestartBackoff.Default);
        tracker.OnState(KnownResourceStates.Running, T0);
        tracker.OnState(KnownResourceStates.Finished, T0.AddSeconds(1));
        tracker.OnState(KnownResourceStates.Running, T0.AddSeconds(3));
        tracker.OnState(KnownResourceStates.Finished, T0.AddSeconds(4));
        tracker.OnState(KnownResourceStates.Running, T0.AddSeconds(10));

        var delay = tracker.OnState(KnownResourceStates.Finished, T0.AddSeconds(10) + RestartBackoff.Default.ResetAfter);

        Assert.Equal(TimeSpan.FromSeconds(1), delay);
    }

    [Fact]
    public void A_restart_that_did_not_go_through_waits_longer_before_the_next()
    {
        var tracker = new RestartTracker(RestartBackoff.Default);
        tracker.OnState(KnownResourceStates.Running, T0);
        tracker.OnState(KnownResourceStates.Finished, T0.AddSeconds(1));

        Assert.Equal(TimeSpan.FromSeconds(2), tracker.OnRestartFailed());
        Assert.Equal(TimeSpan.FromSeconds(4), tracker.OnRestartFailed());
    }

    [Fact]
    public void The_exit_after_a_requested_stop_is_not_a_crash_until_the_resource_runs_again()
    {
        var tracker = new RestartTracker(RestartBackoff.Default);
        tracker.OnState(KnownResourceStates.Running, T0);
        tracker.StopRequested = true;

        Assert.Null(tracker.OnState(KnownResourceStates.Finished, T0.AddSeconds(1)));
        tracker.OnState(KnownResourceStates.Starting, T0.AddSeconds(30));
        tracker.OnState(KnownResourceStates.Running, T0.AddSeconds(31));
        Assert.False(tracker.StopRequested);
        Assert.Equal(TimeSpan.FromSeconds(1), tracker.OnState(KnownResourceStates.Finished, T0.AddSeconds(40)));
    }
}
