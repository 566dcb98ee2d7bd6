using Google.Protobuf.WellKnownTypes;

namespace Mash.ServiceDefaults.Tests;

public sealed class EventFieldsTests
{
    [Fact]
    public void An_event_is_known_by_its_own_id() =>
        Assert.Equal("event-1", EventFields.IdOf("event-1"));

    [Fact]
    public void An_event_without_an_id_is_refused() =>
        Assert.Throws<InvalidOperationException>(() => EventFields.IdOf(""));

    [Fact]
    public void An_event_without_occurred_at_is_refused() =>
        Assert.Throws<InvalidOperationException>(() => EventFields.OccurredAt(null));

    [Fact]
    public void Occurred_at_is_read_as_utc() =>
        Assert.Equal(DateTimeKind.Utc, EventFields.OccurredAt(Timestamp.FromDateTime(new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc))).Kind);
}
