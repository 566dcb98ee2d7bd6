using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Timeliness.Clocks;

namespace Mash.Timeliness.Tests.Clocks;

public class ClockEventTests
{
    private static readonly DateTimeOffset At = new(2025, 6, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_received_contact_starts_the_clock_when_it_occurred()
    {
        var clockEvent = ClockEvent.From(new ContactReceived
        {
            EventId = "e-1", ContactId = "c-1", OccurredAt = Timestamp.FromDateTimeOffset(At), RecordedAt = Timestamp.FromDateTimeOffset(At.AddMinutes(1)),
        });

        Assert.Equal(new ClockEvent("e-1", "c-1", new ClockFact.Received(At)), clockEvent);
    }

    [Fact]
    public void A_received_contact_brings_the_incident_its_referrer_reported()
    {
        var received = new ContactReceived { EventId = "e-1", ContactId = "c-1", AgencyId = "police-west", OccurredAt = Timestamp.FromDateTimeOffset(At), IncidentAt = Timestamp.FromDateTimeOffset(At.AddHours(-3)) };

        Assert.Equal(new ClockFact.Received(At, "police-west", At.AddHours(-3)), ClockEvent.From(received).Fact);
    }

    [Fact]
    public void A_contact_without_an_incident_time_has_no_incident() =>
        Assert.Null(Assert.IsType<ClockFact.Received>(ClockEvent.From(new ContactReceived
        {
            EventId = "e-1", ContactId = "c-1", AgencyId = "police-west", OccurredAt = Timestamp.FromDateTimeOffset(At),
        }).Fact).IncidentAt);

    [Fact]
    public void Without_occurred_at_recorded_at_is_used() =>
        Assert.Equal(new ClockFact.Decided(At), ClockEvent.From(new DecisionRecorded { EventId = "e-1", ContactId = "c-1", RecordedAt = Timestamp.FromDateTimeOffset(At) }).Fact);

    [Fact]
    public void A_rating_carries_its_rag_and_when_it_was_made() =>
        Assert.Equal(new ClockFact.Rated(Rag.Green, At),
            ClockEvent.From(new ContactRated { EventId = "e-1", ContactId = "c-1", Rag = Rag.Green, OccurredAt = Timestamp.FromDateTimeOffset(At) }).Fact);

    [Fact]
    public void A_rating_without_a_rag_is_refused() =>
        Assert.Throws<InvalidOperationException>(() => ClockEvent.From(new ContactRated { EventId = "e-1", ContactId = "c-1", OccurredAt = Timestamp.FromDateTimeOffset(At) }));

    [Fact]
    public void An_event_without_a_contact_id_is_refused() =>
        Assert.Throws<InvalidOperationException>(() => ClockEvent.From(new DecisionRecorded { EventId = "e-1", OccurredAt = Timestamp.FromDateTimeOffset(At) }));

    [Fact]
    public void An_event_without_an_event_id_is_refused() =>
        Assert.Throws<InvalidOperationException>(() => ClockEvent.From(new ContactReceived { ContactId = "c-1", OccurredAt = Timestamp.FromDateTimeOffset(At) }));

    [Fact]
    public void An_event_without_any_time_is_refused() =>
        Assert.Throws<InvalidOperationException>(() => ClockEvent.From(new ContactReceived { EventId = "e-1", ContactId = "c-1" }));
}
