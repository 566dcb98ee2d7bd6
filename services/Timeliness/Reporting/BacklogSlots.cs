namespace Mash.Timeliness.Reporting;

/// <summary>
/// The backlog's snapshot slots: whole multiples of <paramref name="Every"/> since 1970-01-01 UTC,
/// so every replica, and every restart, names the same slots.
/// </summary>
internal sealed record BacklogSlots(TimeSpan Every)
{
    /// <summary>The slot <paramref name="instant"/> is in: the latest slot at or before it.</summary>
    public DateTimeOffset Latest(DateTimeOffset instant)
    {
        var ticks = (instant - DateTimeOffset.UnixEpoch).Ticks;
        return DateTimeOffset.UnixEpoch.AddTicks(ticks - (((ticks % Every.Ticks) + Every.Ticks) % Every.Ticks));
    }

    /// <summary>How many slots [from, to) holds.</summary>
    public long CountIn(DateTimeOffset from, DateTimeOffset to) => Math.Max(0, (Latest(to.AddTicks(-1)) - First(from)).Ticks / Every.Ticks + 1);

    /// <summary>The slots in [from, to), in order.</summary>
    public IReadOnlyList<DateTimeOffset> In(DateTimeOffset from, DateTimeOffset to)
    {
        var slots = new List<DateTimeOffset>();
        for (var slot = First(from); slot < to; slot += Every)
        {
            slots.Add(slot);
        }
        return slots;
    }

    private DateTimeOffset First(DateTimeOffset from) => Latest(from) == from ? from : Latest(from) + Every;
}
