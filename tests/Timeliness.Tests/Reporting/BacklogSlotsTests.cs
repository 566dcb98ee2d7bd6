using Mash.Timeliness.Reporting;
using static Mash.Timeliness.Tests.Infrastructure.Instants;

namespace Mash.Timeliness.Tests.Reporting;

/// <summary>Snapshot slots are whole multiples of the cadence since 1970-01-01 UTC: every replica names the same ones.</summary>
public class BacklogSlotsTests
{
    private static readonly BacklogSlots Hourly = new(TimeSpan.FromHours(1));

    [Fact]
    public void An_instant_is_in_the_slot_that_began_at_or_before_it()
    {
        Assert.Equal(Gmt(2026, 1, 5, 10), Hourly.Latest(Gmt(2026, 1, 5, 10, 59)));
        Assert.Equal(Gmt(2026, 1, 5, 10), Hourly.Latest(Gmt(2026, 1, 5, 10)));
    }

    [Fact]
    public void Slots_follow_utc_not_the_local_clock() =>
        Assert.Equal(Bst(2026, 6, 1, 10), Hourly.Latest(Bst(2026, 6, 1, 10, 30)));

    [Fact]
    public void A_window_holds_the_slots_from_its_start_up_to_but_not_including_its_end()
    {
        Assert.Equal([Gmt(2026, 1, 5, 11), Gmt(2026, 1, 5, 12)], Hourly.In(Gmt(2026, 1, 5, 10, 30), Gmt(2026, 1, 5, 13)));
        Assert.Equal([Gmt(2026, 1, 5, 10)], Hourly.In(Gmt(2026, 1, 5, 10), Gmt(2026, 1, 5, 10, 1)));
        Assert.Empty(Hourly.In(Gmt(2026, 1, 5, 10, 1), Gmt(2026, 1, 5, 10, 59)));
    }

    [Theory]
    [InlineData(0, 0, 180)]
    [InlineData(30, 0, 180)]
    [InlineData(1, 0, 1)]
    [InlineData(15, 45, 60 * 24 * 3)]
    public void The_count_of_a_window_s_slots_is_how_many_it_holds(int startMinute, int cadenceMinutes, int lengthMinutes)
    {
        var slots = cadenceMinutes == 0 ? Hourly : new BacklogSlots(TimeSpan.FromMinutes(cadenceMinutes));
        var from = Gmt(2026, 1, 5, 10, startMinute);
        var to = from.AddMinutes(lengthMinutes);

        Assert.Equal(slots.In(from, to).Count, slots.CountIn(from, to));
    }
}
