using Google.Protobuf;

namespace Mash.ServiceDefaults.Tests;

/// <summary>How a bulk write's events pack into outbox rows: runs of one type, a dispatcher's batch at most.</summary>
public sealed class OutboxPackingTests
{
    [Fact]
    public void A_long_run_of_one_type_is_cut_at_the_pack_size() =>
        Assert.Equal([(0, EventOutbox.PackSize), (EventOutbox.PackSize, EventOutbox.PackSize), (2 * EventOutbox.PackSize, 88)],
            EventOutbox.Runs([.. Enumerable.Repeat<IMessage>(new Events.ContactRated(), (2 * EventOutbox.PackSize) + 88)]));

    [Fact]
    public void Each_change_of_type_starts_a_row() =>
        Assert.Equal([(0, 2), (2, 1), (3, 1)],
            EventOutbox.Runs([new Events.ContactRated(), new Events.ContactRated(), new Google.Protobuf.WellKnownTypes.Empty(), new Events.ContactRated()]));

    [Fact]
    public void No_events_make_no_rows() => Assert.Empty(EventOutbox.Runs([]));
}
