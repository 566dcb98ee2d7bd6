namespace Mash.ServiceDefaults;

/// <summary>
/// When the outbox dispatcher yields to writers. While a write that adds events is under way, it
/// waits, so a burst of submissions has the machine to itself (publishing costs about as much CPU as
/// storing, BENCHMARKS.md) and its events follow when the burst pauses. It never waits longer than
/// <paramref name="maxYield"/> from its first wait; after that it publishes until it has caught up,
/// however busy the writers, so events lag a sustained load by at most that plus the backlog's time.
/// </summary>
internal sealed class OutboxYield(TimeSpan maxYield)
{
    private DateTimeOffset? waitingSince;
    private bool catchingUp;

    /// <summary>How long to wait before publishing: zero to publish now.</summary>
    public TimeSpan WaitBeforePublishing(bool writing, DateTimeOffset now)
    {
        if (!writing || catchingUp)
        {
            return TimeSpan.Zero;
        }
        waitingSince ??= now;
        var left = maxYield - (now - waitingSince.Value);
        if (left > TimeSpan.Zero)
        {
            return left;
        }
        catchingUp = true;
        return TimeSpan.Zero;
    }

    /// <summary>The outbox is empty: the next burst may be yielded to again.</summary>
    public void CaughtUp()
    {
        waitingSince = null;
        catchingUp = false;
    }
}
