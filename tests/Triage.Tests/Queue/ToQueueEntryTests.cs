using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Common.V1;
using Mash.Triage.Queue;
using Mash.Triage.Tests.Infrastructure;

namespace Mash.Triage.Tests.Queue;

public class ToQueueEntryTests
{
    private static readonly DateTimeOffset At = new(2025, 6, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_received_contact_enters_the_queue_unrated_and_undecided()
    {
        var entry = ReceivedContacts.ToQueueEntry(TriageUnderTest.Received("c-1", At));

        Assert.Equal(("c-1", "police-west", "concern"), (entry.ContactId, entry.AgencyId, entry.ContactType));
        Assert.Equal(["domestic-abuse", "neglect"], entry.PresentingIssues);
        Assert.Equal(Rag.Unspecified, entry.Rag);
        Assert.False(entry.IsDecided);
    }

    [Fact]
    public void It_keeps_the_contacts_pathway()
    {
        var received = TriageUnderTest.Received("c-1", At);
        received.Pathway = Pathway.Adults;

        Assert.Equal(Pathway.Adults, ReceivedContacts.ToQueueEntry(received).Pathway);
    }

    [Fact]
    public void It_was_received_when_the_contact_occurred() =>
        Assert.Equal(At, ReceivedContacts.ToQueueEntry(TriageUnderTest.Received("c-1", At)).ReceivedAt);

    [Fact]
    public void Without_occurred_at_it_was_received_when_recorded()
    {
        var received = TriageUnderTest.Received("c-1", At);
        received.OccurredAt = null;

        Assert.Equal(At.AddSeconds(1), ReceivedContacts.ToQueueEntry(received).ReceivedAt);
    }

    [Fact]
    public void An_event_without_a_contact_id_is_refused()
    {
        var received = TriageUnderTest.Received("", At);

        Assert.Throws<InvalidOperationException>(() => ReceivedContacts.ToQueueEntry(received));
    }

    [Fact]
    public void An_event_without_an_event_id_is_refused()
    {
        var received = TriageUnderTest.Received("c-1", At);
        received.EventId = "";

        Assert.Throws<InvalidOperationException>(() => ReceivedContacts.ToQueueEntry(received));
    }

    [Fact]
    public void An_event_without_any_time_is_refused()
    {
        var received = TriageUnderTest.Received("c-1", At);
        received.OccurredAt = null;
        received.RecordedAt = null;

        Assert.Throws<InvalidOperationException>(() => ReceivedContacts.ToQueueEntry(received));
    }

    [Fact]
    public void Timestamps_keep_their_instant()
    {
        var received = TriageUnderTest.Received("c-1", At);
        received.OccurredAt = new Timestamp { Seconds = At.ToUnixTimeSeconds(), Nanos = 500_000_000 };

        Assert.Equal(At.AddMilliseconds(500), ReceivedContacts.ToQueueEntry(received).ReceivedAt);
    }
}
