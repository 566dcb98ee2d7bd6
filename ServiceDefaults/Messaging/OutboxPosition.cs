namespace Mash.ServiceDefaults;

/// <summary>
/// Where the dispatcher's next batch starts. A published row's index entry stays in the primary key
/// until vacuum, so a scan from the start would step over every event published since, and under a
/// steady load (vacuum runs at most once a minute) each batch grew dearer: drains fell to a third.
/// So a batch starts after the highest id taken so far. A row can commit after a higher id was taken
/// (writers commit in any order), so at least every <paramref name="rescanInterval"/> a batch starts
/// from the beginning again, and such a row waits no longer than that.
/// </summary>
internal sealed class OutboxPosition(TimeSpan rescanInterval)
{
    private long after;
    private DateTimeOffset? rescannedAt;

    /// <summary>The id the next batch starts after: 0 (the beginning) when a rescan is due.</summary>
    public long Next(DateTimeOffset now)
    {
        if (rescannedAt is not { } last || now - last >= rescanInterval)
        {
            rescannedAt = now;
            after = 0;
        }
        return after;
    }

    /// <summary>A batch was taken up to <paramref name="highestId"/>.</summary>
    public void Took(long highestId) => after = Math.Max(after, highestId);
}
