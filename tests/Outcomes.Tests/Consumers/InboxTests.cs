using Google.Protobuf.WellKnownTypes;
using Mash.Outcomes.Consumers;

namespace Mash.Outcomes.Tests.Consumers;

public sealed class InboxTests
{
    [Fact]
    public void An_event_is_known_by_its_own_id() =>
        Assert.Equal("event-1", Inbox.IdOf("event-1", Guid.NewGuid()));

    [Fact]
    public void An_event_without_an_id_is_known_by_its_bus_message_id()
    {
        var messageId = Guid.NewGuid();
        Assert.Equal(messageId.ToString(), Inbox.IdOf("", messageId));
    }

    [Fact]
    public void An_event_with_no_id_at_all_is_refused() =>
        Assert.Throws<InvalidOperationException>(() => Inbox.IdOf("", null));

    [Fact]
    public void An_event_without_occurred_at_is_refused() =>
        Assert.Throws<InvalidOperationException>(() => Inbox.OccurredAt(null));

    [Fact]
    public void Occurred_at_is_read_as_utc() =>
        Assert.Equal(DateTimeKind.Utc, Inbox.OccurredAt(Timestamp.FromDateTime(new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc))).Kind);
}
